package org.dreamdiary.client.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dreamdiary.client.call.RetryPolicy;
import org.dreamdiary.client.model.Tokens;
import org.dreamdiary.client.error.SessionRevokedException;
import org.dreamdiary.client.error.UnauthorizedException;

/** Puts a transport together: its session, which refreshes through it, its throttle and retries. */
public final class Connection {
    private Connection() {
    }

    public static Transport open(URI base, HttpClient http, Duration timeout, RetryPolicy retries,
                                 double requestsPerSecond, Clock clock, Consumer<Tokens> listener, Tokens saved) {
        Session session = new Session(clock, listener);
        if (saved != null) {
            session.resume(saved);
        }
        Transport transport = new Transport(base, http, timeout, retries, Throttle.perSecond(requestsPerSecond),
                session);
        session.refreshWith(refreshToken -> transport.send(
                        Request.post("/api/v1/tokens/refresh", Map.of("refresh_token", refreshToken)).anonymous(),
                        transport.signingIn())
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        Transport.cause(failure) instanceof UnauthorizedException refused
                                ? new SessionRevokedException(refused.problem()) : Transport.cause(failure))));
        return transport;
    }
}
