package org.dreamdiary.client.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Export;
import org.dreamdiary.client.model.NewUser;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.ProfileChanges;
import org.dreamdiary.client.model.Registration;
import org.dreamdiary.client.model.User;
import org.dreamdiary.client.model.UserQuery;

/** Accounts: registering, profiles (one's own and others'), the password, exporting and deleting one's data. */
public final class UsersApi {
    private static final String USERS = Paths.API + "/users";
    private static final String ME = USERS + "/me";
    private static final Body<User> USER = Body.json(User.class);

    private final Transport transport;

    public UsersApi(Transport transport) {
        this.transport = transport;
    }

    /** Registers an account: the client is then signed in with its first session, and the token listener told. */
    @OperationId("registerUser")
    public Call<Registration> register(NewUser user) {
        return transport.call(Request.post(USERS, user).anonymous(), transport.registering());
    }

    /** One page of the users the query finds, with their public profiles (no email, no phone number). */
    @OperationId("searchUsers")
    public Call<Page<User>> list(UserQuery query) {
        return transport.call(search(query), Body.page(User.class));
    }

    /** Every user the query finds, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("searchUsers")
    public Stream<User> all(UserQuery query) {
        return transport.stream(search(query), Body.page(User.class), Page::items);
    }

    /** The signed-in user's own profile, email and phone number included. */
    @OperationId("getOwnProfile")
    public Call<User> ownProfile() {
        return transport.call(Request.get(ME), USER);
    }

    /** Changes the own profile, provided it is still as this client last read or wrote it ({@code If-Match}). */
    @OperationId("updateOwnProfile")
    public Call<User> updateOwnProfile(ProfileChanges changes) {
        return transport.call(Request.patch(ME, changes).ifUnchanged(ME, USER), USER);
    }

    /**
     * Deletes the account and everything it owns, provided the profile is still as this client last saw it. Its
     * sessions end with it, this client's too: the client forgets its tokens.
     */
    @OperationId("deleteOwnAccount")
    public Call<Void> deleteOwnAccount() {
        return transport.call(Request.delete(ME).ifUnchanged(ME, USER), transport.signingOut());
    }

    /**
     * Changes the password, provided the profile is still as this client last saw it. A wrong current password is a
     * {@code ValidationException} on {@code current_password} and counts as a failed login. Every other session of the
     * user ends; this client's session stays, and its tokens go on working. The change gives the profile a new version
     * and its answer carries no {@code ETag}: read the profile again ({@link #ownProfile()}) before the next
     * conditional change of the account, or that change is refused ({@code PreconditionFailedException}) as made
     * against an older version.
     */
    @OperationId("changePassword")
    public Call<Void> changePassword(String currentPassword, String newPassword) {
        Map<String, String> change = Map.of("current_password", currentPassword, "new_password", newPassword);
        return transport.call(Request.put(ME + "/password", change).ifUnchanged(ME, USER), Body.none());
    }

    /** The profile, dreams and attachments of the user's export (see {@link Export}). */
    @OperationId("exportOwnData")
    public Call<Export> export() {
        return transport.call(exporting(), Body.json(Export.class));
    }

    /**
     * The whole export document, every part of it, written to {@code target} as it arrives (replacing what the file
     * held); the result is the file. An export cut off midway is fetched again from the start, as the client's retry
     * policy allows.
     */
    @OperationId("exportOwnData")
    public Call<Path> exportTo(Path target) {
        return transport.call(exporting(), Body.file(target));
    }

    /** A user's profile: the public part of another user's (email and phone number {@code null}), all of one's own. */
    @OperationId("getUser")
    public Call<User> get(UUID id) {
        return transport.call(Request.get(Paths.of(USERS, id)), USER);
    }

    private static Request search(UserQuery query) {
        return Paths.paged(Request.get(USERS).query("q", query.q()), query.page());
    }

    private static Request exporting() {
        return Request.get(ME + "/export");
    }
}
