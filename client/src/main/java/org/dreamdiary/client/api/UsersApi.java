package org.dreamdiary.client.api;

import org.dreamdiary.client.Call;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.NewUser;
import org.dreamdiary.client.model.Registration;

/** Accounts: registering, profiles (one's own and others'), the password, exporting and deleting one's data. */
public final class UsersApi {
    private static final String USERS = Paths.API + "/users";

    private final Transport transport;

    public UsersApi(Transport transport) {
        this.transport = transport;
    }

    /** Registers an account: the client is then signed in with its first session, and the token listener told. */
    @OperationId("registerUser")
    public Call<Registration> register(NewUser user) {
        return transport.call(Request.post(USERS, user).anonymous(), transport.registering());
    }
}
