package org.dreamdiary.client.api;

import java.util.Map;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.model.Tokens;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;

/**
 * The session: logging in and out. Refreshing is done by the client itself before the access token expires; {@link
 * #refresh()} is there for an application that wants to rotate the tokens now.
 */
public final class TokensApi {
    private static final String TOKENS = Paths.API + "/tokens";

    private final Transport transport;

    public TokensApi(Transport transport) {
        this.transport = transport;
    }

    /** Logs in: the client is then signed in with the new session, and the token listener is told. */
    @OperationId("logIn")
    public Call<Tokens> logIn(String username, String password) {
        // A login sent twice makes two sessions, the first never used: harmless, so it is retried like a GET.
        return transport.call(Request.post(TOKENS, Map.of("username", username, "password", password)).anonymous()
                .replayable(), transport.signingIn());
    }

    /** Trades the refresh token for a new pair now; the client would do it by itself when the access token expires. */
    @OperationId("refreshTokens")
    public Call<Tokens> refresh() {
        return transport.refreshNow();
    }

    /** Ends the session on the service (its tokens stop working on every node at once) and forgets its tokens. */
    @OperationId("logOut")
    public Call<Void> logOut() {
        return transport.call(Request.delete(TOKENS), transport.signingOut());
    }
}
