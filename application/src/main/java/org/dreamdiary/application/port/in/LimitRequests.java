package org.dreamdiary.application.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * The general request limit of the API: so many requests a minute per user, or per client address for a caller
 * without a valid access token, counted over every node.
 */
public interface LimitRequests {
    /**
     * Counts one request, unless the caller's limit for the current minute is reached. The caller is the user an
     * access token was signed for (its session is not looked up: the token only picks whose count it is), else the
     * client address.
     */
    Allowance admit(Optional<String> accessToken, String clientAddress);

    /** Whether the request may run, and the state of the caller's window after it: what the response headers say. */
    record Allowance(boolean admitted, long limit, long remaining, Duration resetIn) {
    }
}
