package org.dreamdiary.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.client.error.SessionRevokedException;
import org.dreamdiary.client.internal.Json;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.ChatEvent;
import org.dreamdiary.client.model.Message;

/**
 * A chat's live socket that outlives its connections. After any drop (a network failure, a server stopping or
 * restarting, an expired token) it connects again with backoff and first catches up with the messages committed
 * since the newest one it delivered ({@code messages?after=}), so the listener sees every new message once, in order.
 * Edits and deletions made while it was disconnected are not replayed: the service does not keep events.
 *
 * <p>Events are handed to the listener on one thread of this live chat; the catch-up runs on it too, ahead of what
 * the new socket brings, and a message already delivered is not delivered again.
 */
public final class LiveChat implements AutoCloseable {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int TOKEN_ENDED = 4001;
    private static final int REMOVED = 4003;
    private static final int CHAT_GONE = 4004;

    /** Why a live chat ended. */
    public enum Ending {
        /** {@link #close()} was called. */
        CLOSED,
        /** The member was removed from the chat, or left it. */
        REMOVED_FROM_CHAT,
        /** The chat was deleted. */
        CHAT_DELETED,
        /** There is no such chat, or the user is not a member of it. */
        NOT_FOUND,
        /** The session ended (logout, password change, a refresh token used twice): log in again. */
        SESSION_ENDED
    }

    private final Transport transport;
    private final MessagesApi messages;
    private final UUID chatId;
    private final ChatListener listener;
    private final ExecutorService delivery;
    private final Runnable onEnd;
    private UUID newestSeen;
    private WebSocket socket;
    private int failures;
    /** Counts connections, so that only the current one's drop schedules the next (a drop can be told twice). */
    private int attempt;
    /** Why it ended; null while live. */
    private Ending ended;

    LiveChat(Transport transport, MessagesApi messages, UUID chatId, UUID newestSeen, ChatListener listener,
             Runnable onEnd) {
        this.transport = transport;
        this.messages = messages;
        this.chatId = chatId;
        this.newestSeen = newestSeen;
        this.listener = listener;
        this.onEnd = onEnd;
        this.delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dream-diary-live-chat-" + chatId);
            thread.setDaemon(true);
            return thread;
        });
        connect();
    }

    /** The id of the newest message delivered so far, from which a later live chat could resume. */
    public synchronized Optional<UUID> newestSeen() {
        return Optional.ofNullable(newestSeen);
    }

    /** Whether a socket is open right now (between a drop and the reconnect it is not). */
    public synchronized boolean isConnected() {
        return socket != null && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        end(Ending.CLOSED);
    }

    private void connect() {
        int current;
        synchronized (this) {
            current = attempt;
        }
        if (transport.tokens().isEmpty()) {
            end(Ending.SESSION_ENDED);
            return;
        }
        transport.accessToken().thenCompose(token -> transport.http().newWebSocketBuilder()
                        .header("Authorization", "Bearer " + token)
                        .buildAsync(socketUri(), new Frames(token, current))
                        .whenComplete((opened, failure) -> {
                            if (failure != null) {
                                refused(Transport.cause(failure), token, current);
                            }
                        }))
                .exceptionally(failure -> {
                    refused(Transport.cause(failure), null, current);
                    return null;
                });
    }

    private URI socketUri() {
        URI http = transport.resolve(ChatsApi.CHATS + "/" + chatId + "/live");
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** The upgrade failed: try again later, unless the answer says it never will succeed. */
    private void refused(Throwable failure, String token, int current) {
        if (failure instanceof SessionRevokedException) {
            end(Ending.SESSION_ENDED);
        } else if (failure instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            if (status == 404 || status == 403) {
                end(Ending.NOT_FOUND);
            } else if (status == 401) {
                refreshThenReconnect(token, current);
            } else {
                reconnectLater(current);
            }
        } else {
            reconnectLater(current);
        }
    }

    /** The token was refused or expired: a fresh one, unless the session is over. */
    private void refreshThenReconnect(String token, int current) {
        transport.refreshAfterRejection(token).whenComplete((fresh, failure) -> {
            if (failure != null && Transport.cause(failure) instanceof SessionRevokedException) {
                end(Ending.SESSION_ENDED);
            } else {
                reconnectLater(current);
            }
        });
    }

    private void reconnectLater(int dropped) {
        long ceiling;
        synchronized (this) {
            if (ended != null || dropped != attempt) {
                return;
            }
            attempt++;
            socket = null;
            ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures++, 10));
        }
        long wait = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(this::connect);
    }

    private void end(Ending ending) {
        WebSocket open;
        synchronized (this) {
            if (ended != null) {
                return;
            }
            ended = ending;
            open = socket;
            socket = null;
        }
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(failure -> null);
        }
        delivery.execute(() -> listener.onEnded(ending));
        delivery.shutdown();
        onEnd.run();
    }

    private synchronized boolean isEnded() {
        return ended != null;
    }

    /** After close() the caller wants nothing more; when the service ends it, what it sent before still counts. */
    private synchronized boolean isClosedByCaller() {
        return ended == Ending.CLOSED;
    }

    /** Runs on the delivery thread: the messages the last connection missed, oldest first. */
    private void catchUp() {
        UUID from = newestSeen().orElse(null);
        if (from == null || isEnded()) {
            return;
        }
        messages.newer(chatId, from).forEach(message -> deliver(new ChatEvent.MessageCreated(message)));
    }

    /** Runs on the delivery thread; a message created at or before the newest seen was delivered already. */
    private void deliver(ChatEvent event) {
        if (isClosedByCaller()) {
            return;
        }
        if (event instanceof ChatEvent.MessageCreated created) {
            synchronized (this) {
                if (newestSeen != null && compareUnsigned(created.message().id(), newestSeen) <= 0) {
                    return;
                }
                newestSeen = created.message().id();
            }
        }
        listener.onEvent(event);
    }

    /** The service's order of ids (PostgreSQL's: bytes unsigned), in which message ids grow. */
    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static ChatEvent event(JsonNode frame) {
        JsonNode data = frame.path("data");
        return switch (frame.path("event").asText()) {
            case "message.created" -> new ChatEvent.MessageCreated(Json.convert(data, Message.class));
            case "message.updated" -> new ChatEvent.MessageUpdated(Json.convert(data, Message.class));
            case "message.deleted" -> new ChatEvent.MessageDeleted(UUID.fromString(data.path("id").asText()),
                    UUID.fromString(data.path("chat_id").asText()));
            case "chat.deleted" -> new ChatEvent.ChatDeleted(UUID.fromString(data.path("id").asText()));
            default -> null; // an event of a newer service: skipped
        };
    }

    /** One connection's frames. */
    private final class Frames implements WebSocket.Listener {
        private final String token;
        private final int connection;
        private final StringBuilder text = new StringBuilder();

        Frames(String token, int connection) {
            this.token = token;
            this.connection = connection;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (LiveChat.this) {
                if (ended != null) {
                    webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "");
                    return;
                }
                socket = webSocket;
                failures = 0;
            }
            delivery.execute(() -> catchUpOrReconnect(connection));
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                ChatEvent event = event(Json.tree(text.toString().getBytes(StandardCharsets.UTF_8)));
                text.setLength(0);
                if (event != null) {
                    delivery.execute(() -> deliver(event));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            switch (statusCode) {
                case REMOVED -> end(Ending.REMOVED_FROM_CHAT);
                case CHAT_GONE -> end(Ending.CHAT_DELETED);
                case TOKEN_ENDED -> refreshThenReconnect(token, connection);
                default -> reconnectLater(connection);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            reconnectLater(connection);
        }
    }

    /** Catches up; a failure to (the service gone again) drops this connection for the next one to catch up. */
    private void catchUpOrReconnect(int connection) {
        try {
            catchUp();
        } catch (RuntimeException failed) {
            WebSocket current;
            synchronized (this) {
                current = socket;
            }
            if (current != null) {
                current.abort();
            }
            reconnectLater(connection);
        }
    }
}
