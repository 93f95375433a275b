package org.dreamdiary.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dreamdiary.client.model.Tokens;
import org.dreamdiary.client.error.SessionRevokedException;

/**
 * The tokens of the signed-in session. An access token is refreshed shortly before it expires (a tenth of its
 * lifetime, at most 30 s, so that clocks a little apart do not matter), or after the service refused it; concurrent
 * calls that need a refresh share one, since each refresh token may be used only once.
 */
final class Session {
    private static final Duration LONGEST_MARGIN = Duration.ofSeconds(30);

    private final Clock clock;
    private final Consumer<Tokens> listener;
    private Function<String, CompletableFuture<Tokens>> refresher;
    private Tokens tokens;
    private Duration margin = LONGEST_MARGIN;
    private CompletableFuture<Tokens> refreshing;

    Session(Clock clock, Consumer<Tokens> listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** What trades a refresh token for new tokens; set once, by the transport that sends it. */
    void refreshWith(Function<String, CompletableFuture<Tokens>> refresher) {
        this.refresher = refresher;
    }

    synchronized Optional<Tokens> tokens() {
        return Optional.ofNullable(tokens);
    }

    /** Starts from tokens saved earlier; the listener is not told, as they are not new. */
    synchronized void resume(Tokens saved) {
        tokens = saved;
        margin = LONGEST_MARGIN;
    }

    /** New tokens from the service (a login, a registration, a refresh); the listener is told. */
    void adopt(Tokens fresh, Duration lifetime) {
        synchronized (this) {
            tokens = fresh;
            margin = shortest(LONGEST_MARGIN, lifetime.dividedBy(10));
        }
        listener.accept(fresh);
    }

    synchronized void end() {
        tokens = null;
    }

    /** The access token to send: refreshed first when it is about to expire; {@code null} when signed out. */
    CompletableFuture<String> accessToken() {
        Tokens current = tokens().orElse(null);
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!clock.instant().isBefore(current.accessTokenExpiresAt().minus(margin()))) {
            return refresh(current).thenApply(Tokens::accessToken);
        }
        return CompletableFuture.completedFuture(current.accessToken());
    }

    /** After the service refused {@code rejected}: refreshes unless another call already has. */
    CompletableFuture<Void> refreshAfterRejection(String rejected) {
        Tokens current = tokens().orElse(null);
        if (current == null || !current.accessToken().equals(rejected)) {
            return CompletableFuture.completedFuture(null);
        }
        return refresh(current).thenApply(fresh -> null);
    }

    /** New tokens now, whether or not the access token is about to expire. */
    CompletableFuture<Tokens> refreshNow() {
        return tokens().map(this::refresh).orElseGet(() -> CompletableFuture.failedFuture(
                new IllegalStateException("not signed in: log in first")));
    }

    /** Whether a refused access token can be replaced: there is a session to refresh. */
    boolean signedIn() {
        return tokens().isPresent();
    }

    private CompletableFuture<Tokens> refresh(Tokens stale) {
        CompletableFuture<Tokens> mine;
        synchronized (this) {
            if (tokens != stale && tokens != null) {
                return CompletableFuture.completedFuture(tokens);
            }
            if (refreshing != null) {
                return refreshing;
            }
            mine = new CompletableFuture<>();
            refreshing = mine;
        }
        refresher.apply(stale.refreshToken()).whenComplete((fresh, failure) -> {
            synchronized (this) {
                refreshing = null;
                if (Transport.cause(failure) instanceof SessionRevokedException && tokens == stale) {
                    tokens = null;
                }
            }
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(fresh);
            }
        });
        return mine;
    }

    private synchronized Duration margin() {
        return margin;
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    Instant now() {
        return clock.instant();
    }
}
