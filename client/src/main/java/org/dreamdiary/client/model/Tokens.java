package org.dreamdiary.client.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A session's tokens, as an application saves them to start a client again later without the password. The client
 * refreshes the access token by itself before {@code accessTokenExpiresAt} (and on a {@code 401}); every refresh
 * rotates both tokens, so save the new pair each time the client reports one.
 */
public record Tokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt) {
    public Tokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }

    /** Tokens never appear in logs: neither does this. */
    @Override
    public String toString() {
        return "Tokens[access token expires at " + accessTokenExpiresAt + "]";
    }
}
