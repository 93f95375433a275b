package org.dreamdiary.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.call.RetryPolicy;
import org.dreamdiary.client.model.Tokens;
import org.dreamdiary.client.model.Registration;
import org.dreamdiary.client.error.ConnectionFailedException;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.PreconditionFailedException;
import org.dreamdiary.client.error.Problem;

/**
 * Sends requests: throttled, authenticated with the session's access token (refreshed on a {@code 401}, once a
 * call), retried under the {@link RetryPolicy}, each authenticated {@code POST} with one {@code Idempotency-Key} for
 * all its sends, changes conditional on the version last seen, and error answers turned into exceptions.
 */
public final class Transport {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final RetryPolicy retries;
    private final Throttle throttle;
    private final Session session;
    private final Etags etags = new Etags();

    Transport(URI base, HttpClient http, Duration timeout, RetryPolicy retries, Throttle throttle, Session session) {
        this.base = base;
        this.http = http;
        this.timeout = timeout;
        this.retries = retries;
        this.throttle = throttle;
        this.session = session;
    }

    /** The call that sends {@code request} and reads a successful answer with {@code body}. */
    public <T> Call<T> call(Request request, Body<T> body) {
        return lazily(() -> send(request, body));
    }

    /** Trades the session's refresh token for new tokens now (sharing a refresh already under way). */
    public Call<Tokens> refreshNow() {
        return lazily(session::refreshNow);
    }

    private static <T> Call<T> lazily(Supplier<CompletableFuture<T>> send) {
        return new Call<>() {
            @Override
            public T execute() {
                return await(executeAsync());
            }

            @Override
            public CompletableFuture<T> executeAsync() {
                return send.get();
            }
        };
    }

    /**
     * Every item of a paged collection, from {@code first} on, fetched a page at a time as the stream is consumed;
     * each fetch is a call of its own (retried, authenticated) and a failure is thrown from the stream.
     */
    public <P, T> Stream<T> stream(Request first, Body<P> page, Function<P, List<T>> items) {
        return Pages.stream(this, first, page, items);
    }

    /** Reads an answer of new tokens (a login, a refresh) and makes them the session's. */
    public Body<Tokens> signingIn() {
        Body<TokenAnswer> answer = Body.json(TokenAnswer.class);
        return info -> BodySubscribers.mapping(answer.read(info),
                read -> adopt(read.accessToken(), read.refreshToken(), read.expiresIn()));
    }

    /** Reads the answer to a registration: the new user, whose first session becomes the client's. */
    public Body<Registration> registering() {
        Body<Registered> answer = Body.json(Registered.class);
        return info -> BodySubscribers.mapping(answer.read(info), read -> new Registration(read.user(),
                adopt(read.accessToken(), read.refreshToken(), read.expiresIn())));
    }

    /** Makes new tokens from the service the session's, and tells the application's listener. */
    public Tokens adopt(String accessToken, String refreshToken, long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(expiresInSeconds);
        Tokens tokens = new Tokens(accessToken, refreshToken, session.now().plus(lifetime));
        session.adopt(tokens, lifetime);
        return tokens;
    }

    /** Reads the answer to a logout: the session is over, its tokens forgotten. */
    public Body<Void> signingOut() {
        return info -> BodySubscribers.mapping(Body.none().read(info), nothing -> {
            session.end();
            return null;
        });
    }

    /** The session's current tokens; empty when signed out. */
    public Optional<Tokens> tokens() {
        return session.tokens();
    }

    /** The access token for a request made outside {@link #call} (a WebSocket), refreshed first if need be. */
    public CompletableFuture<String> accessToken() {
        return session.accessToken();
    }

    /** After the service refused {@code rejected} outside {@link #call}: a fresh token for the next attempt. */
    public CompletableFuture<Void> refreshAfterRejection(String rejected) {
        return session.refreshAfterRejection(rejected);
    }

    /** The absolute address of a path of the service. */
    public URI resolve(String path) {
        return base.resolve(path);
    }

    /** The JDK client the transport sends with, for what is not a request and answer (a WebSocket). */
    public HttpClient http() {
        return http;
    }

    <T> CompletableFuture<T> send(Request request, Body<T> body) {
        Exchange<T> exchange = new Exchange<>(request, body, new Backoff(request.repeatable() ? retries : RetryPolicy.none()),
                request.takesIdempotencyKey() ? UUID.randomUUID().toString() : null);
        return attempt(exchange, false);
    }

    /** One logical call: its request, how to read its answer, its retries so far and its idempotency key. */
    private record Exchange<T>(Request request, Body<T> body, Backoff backoff, String idempotencyKey) {
    }

    /** An answer: the result when it succeeded, else the error body to read as a problem. */
    private record Answer<T>(T result, byte[] error) {
    }

    private <T> CompletableFuture<T> attempt(Exchange<T> exchange, boolean refreshed) {
        Request request = exchange.request();
        return throttle.acquire()
                .thenCompose(slot -> request.authenticated() ? session.accessToken()
                        : CompletableFuture.<String>completedFuture(null))
                .thenCompose(token -> http.sendAsync(build(exchange, token), info -> info.statusCode() < 300
                                ? BodySubscribers.mapping(exchange.body().read(info), result -> new Answer<T>(result, null))
                                : BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> new Answer<T>(null, bytes)))
                        .handle((response, failure) -> failure != null ? failed(exchange, refreshed, failure)
                                : answered(exchange, refreshed, token, response))
                        .thenCompose(Function.identity()));
    }

    private HttpRequest build(Exchange<?> exchange, String token) {
        Request request = exchange.request();
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path()))
                .timeout(timeout)
                .method(request.method(), request.body());
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (exchange.idempotencyKey() != null) {
            builder.header("Idempotency-Key", exchange.idempotencyKey());
        }
        if (request.conditional() != null) {
            etags.of(request.conditional().resourcePath()).ifPresent(etag -> builder.header("If-Match", etag));
        }
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private <T> CompletableFuture<T> failed(Exchange<T> exchange, boolean refreshed, Throwable failure) {
        Throwable cause = cause(failure);
        if (!(cause instanceof IOException)) {
            return CompletableFuture.failedFuture(cause);
        }
        Optional<Duration> wait = exchange.request().replayableAfterConnectionFailure()
                ? exchange.backoff().next(Optional.empty()) : Optional.empty();
        if (wait.isPresent()) {
            return later(wait.get(), () -> attempt(exchange, refreshed));
        }
        return CompletableFuture.failedFuture(new ConnectionFailedException(
                exchange.request() + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage()), cause));
    }

    private <T> CompletableFuture<T> answered(Exchange<T> exchange, boolean refreshed, String token,
                                              HttpResponse<Answer<T>> response) {
        Request request = exchange.request();
        int status = response.statusCode();
        if (status < 300) {
            remember(request, response);
            return CompletableFuture.completedFuture(response.body().result());
        }
        if (status == 401 && token != null && !refreshed && session.signedIn() && request.repeatable()) {
            return session.refreshAfterRejection(token).thenCompose(done -> attempt(exchange, true));
        }
        if (status == 429 || status == 503) {
            Optional<Duration> wait = exchange.backoff().next(Problems.retryAfter(response.headers()));
            if (wait.isPresent()) {
                return later(wait.get(), () -> attempt(exchange, refreshed));
            }
        }
        Problem problem = Problems.read(status, response.headers(), response.body().error(), request.resourcePath());
        if (status == 412 && request.conditional() != null) {
            return current(request.conditional())
                    .thenCompose(now -> CompletableFuture.failedFuture(new PreconditionFailedException(problem, now)));
        }
        return CompletableFuture.failedFuture(Problems.exception(problem, response.headers()));
    }

    /** The resource a refused change was made against, as it is now (which the next change is then made against). */
    private CompletableFuture<Object> current(Request.Conditional conditional) {
        return send(Request.get(conditional.resourcePath()), conditional.current())
                .<Object>thenApply(current -> current)
                .exceptionallyCompose(failure -> cause(failure) instanceof NotFoundException
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(cause(failure)));
    }

    private void remember(Request request, HttpResponse<?> response) {
        if (request.method().equals("DELETE")) {
            etags.forget(request.resourcePath());
        } else if (request.conditional() != null || request.method().equals("GET")) {
            String resource = request.conditional() != null ? request.conditional().resourcePath()
                    : request.resourcePath();
            response.headers().firstValue("ETag").ifPresent(etag -> etags.remember(resource, etag));
        }
    }

    private static <T> CompletableFuture<T> later(Duration wait, Supplier<CompletableFuture<T>> next) {
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS))
                .thenCompose(ignored -> next.get());
    }

    /** The result of a call, waited for; its failure thrown as the exception it is. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ConnectionFailedException("interrupted while waiting for the service", e);
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new ConnectionFailedException(String.valueOf(cause.getMessage()), cause);
    }

    /** The failure inside the wrappers of a composed future. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
