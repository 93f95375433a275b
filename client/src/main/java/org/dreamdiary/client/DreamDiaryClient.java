package org.dreamdiary.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.dreamdiary.client.api.AttachmentsApi;
import org.dreamdiary.client.api.ChatsApi;
import org.dreamdiary.client.api.DiaryApi;
import org.dreamdiary.client.api.DreamsApi;
import org.dreamdiary.client.api.GoalsApi;
import org.dreamdiary.client.api.MembersApi;
import org.dreamdiary.client.api.MessagesApi;
import org.dreamdiary.client.api.OperationsApi;
import org.dreamdiary.client.api.TasksApi;
import org.dreamdiary.client.api.TokensApi;
import org.dreamdiary.client.api.UsersApi;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.call.RetryPolicy;
import org.dreamdiary.client.internal.Connection;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Tokens;

/**
 * The Dream Diary API, grouped by area: {@code client.dreams().create(...)}. Every operation is a {@link Call}, to
 * {@link Call#execute() execute} (blocking) or {@link Call#executeAsync() executeAsync} (a {@code CompletableFuture}).
 *
 * <p>Sign in once, with {@link #logIn(String, String)} or saved {@link Builder#tokens(Tokens) tokens}; the client then
 * refreshes the access token by itself and reports each new pair to {@link Builder#onTokensChanged(Consumer)}. Errors
 * are exceptions of {@code org.dreamdiary.client.error}, one class per problem type. Safe calls are retried under the
 * {@link RetryPolicy}. A client is thread-safe; make one per service and session, and close it when done.
 */
public final class DreamDiaryClient implements AutoCloseable {
    private final Transport transport;
    private final UsersApi users;
    private final TokensApi tokens;
    private final DreamsApi dreams;
    private final GoalsApi goals;
    private final TasksApi tasks;
    private final DiaryApi diary;
    private final AttachmentsApi attachments;
    private final ChatsApi chats;
    private final MembersApi members;
    private final MessagesApi messages;
    private final OperationsApi operations;

    private DreamDiaryClient(Transport transport) {
        this.transport = transport;
        this.users = new UsersApi(transport);
        this.tokens = new TokensApi(transport);
        this.dreams = new DreamsApi(transport);
        this.goals = new GoalsApi(transport);
        this.tasks = new TasksApi(transport);
        this.diary = new DiaryApi(transport);
        this.attachments = new AttachmentsApi(transport);
        this.messages = new MessagesApi(transport);
        this.chats = new ChatsApi(transport, messages);
        this.members = new MembersApi(transport);
        this.operations = new OperationsApi(transport);
    }

    /** A client of the service at {@code baseUri} (its root, such as {@code https://dreams.example.com}). */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** Logs in with a username and password: the client is then signed in, and the listener told the tokens. */
    public Tokens logIn(String username, String password) {
        return tokens.logIn(username, password).execute();
    }

    /** The session's current tokens; empty when signed out. */
    public Optional<Tokens> currentTokens() {
        return transport.tokens();
    }

    public UsersApi users() {
        return users;
    }

    /** Logging in and out, refreshing tokens by hand (the client refreshes by itself). */
    public TokensApi tokens() {
        return tokens;
    }

    public DreamsApi dreams() {
        return dreams;
    }

    public GoalsApi goals() {
        return goals;
    }

    public TasksApi tasks() {
        return tasks;
    }

    public DiaryApi diary() {
        return diary;
    }

    public AttachmentsApi attachments() {
        return attachments;
    }

    public ChatsApi chats() {
        return chats;
    }

    public MembersApi members() {
        return members;
    }

    public MessagesApi messages() {
        return messages;
    }

    /** Health, version, metrics and the API's own documents. */
    public OperationsApi operations() {
        return operations;
    }

    /** Stops every live chat this client opened. */
    @Override
    public void close() {
        chats.closeAll();
    }

    /** How a client talks to the service; every setting has a default. */
    public static final class Builder {
        private final URI baseUri;
        private HttpClient http;
        private Duration timeout = Duration.ofSeconds(30);
        private RetryPolicy retries = RetryPolicy.defaults();
        private double requestsPerSecond = Double.POSITIVE_INFINITY;
        private Clock clock = Clock.systemUTC();
        private Consumer<Tokens> listener = tokens -> { };
        private Tokens saved;

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        }

        /** The JDK client to send with (for a proxy, TLS settings, an executor); by default one of its own. */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** How long one send may wait for its answer to begin (30 s by default). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /** Sends at most this many requests a second, retries included (no limit by default). */
        public Builder maxRequestsPerSecond(double requestsPerSecond) {
            if (!(requestsPerSecond > 0)) {
                throw new IllegalArgumentException("requests a second must be positive, got " + requestsPerSecond);
            }
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        /** Starts signed in, with tokens saved from an earlier client (refreshed first if they expired). */
        public Builder tokens(Tokens saved) {
            this.saved = Objects.requireNonNull(saved, "saved");
            return this;
        }

        /** Told each new pair of tokens (a login, a registration, a refresh), to save them for the next start. */
        public Builder onTokensChanged(Consumer<Tokens> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock that says when an access token is about to expire (the system's by default). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public DreamDiaryClient build() {
            HttpClient client = http != null ? http
                    : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return new DreamDiaryClient(Connection.open(baseUri, client, timeout, retries, requestsPerSecond, clock,
                    listener, saved));
        }
    }
}
