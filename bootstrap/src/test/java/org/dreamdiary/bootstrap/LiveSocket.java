package org.dreamdiary.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of {@code GET /api/v1/chats/{id}/live} over a real socket, made with the JDK's WebSocket: it collects
 * the text frames the server pushes and the close code it ends with.
 */
final class LiveSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /** How the socket ended: the close code and reason the server sent, and when ({@link System#nanoTime()}). */
    record Closed(int code, String reason, long atNanos) {
    }

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final boolean reading;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private LiveSocket(boolean reading) {
        this.reading = reading;
    }

    /** Connects with the token as {@code ?access_token=} and these header name/value pairs, reading every frame. */
    static LiveSocket withQueryToken(URI base, String chatId, String token, String... headers) {
        return open(webSocketUri(base, chatId, token), true, null, headers);
    }

    /** Connects with the subprotocols {@code bearer} and the token, reading every frame. */
    static LiveSocket withSubprotocol(URI base, String chatId, String token) {
        return open(webSocketUri(base, chatId, null), true, token);
    }

    /** Connects with {@code ?access_token=} but asks for no frame at all until {@link #startReading()}. */
    static LiveSocket notReading(URI base, String chatId, String token) {
        return open(webSocketUri(base, chatId, token), false, null);
    }

    /**
     * Tries to connect to {@code path} with these header name/value pairs and expects the server to refuse the
     * upgrade; the refusal.
     */
    static WebSocketHandshakeException refused(URI base, String path, String... headers) {
        LiveSocket client = new LiveSocket(true);
        try {
            WebSocket socket = builder(headers)
                    .buildAsync(wsUri(base, path), client.listener()).get(HANDSHAKE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            socket.abort();
            throw new AssertionError("the server accepted a WebSocket on " + path);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refusal) {
                return refusal;
            }
            throw new AssertionError("the WebSocket handshake on " + path + " failed otherwise: " + e.getCause(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer to the WebSocket handshake on " + path, e);
        }
    }

    static URI webSocketUri(URI base, String chatId, String token) {
        String path = "/api/v1/chats/" + chatId + "/live"
                + (token == null ? "" : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return wsUri(base, path);
    }

    private static URI wsUri(URI base, String path) {
        return URI.create("ws://" + base.getAuthority() + path);
    }

    private static WebSocket.Builder builder(String... headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static LiveSocket open(URI uri, boolean reading, String bearerToken, String... headers) {
        LiveSocket client = new LiveSocket(reading);
        WebSocket.Builder builder = builder(headers);
        if (bearerToken != null) {
            builder.subprotocols("bearer", bearerToken);
        }
        try {
            client.socket = builder.buildAsync(uri, client.listener()).get(HANDSHAKE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException e) {
            throw new AssertionError("the WebSocket to " + uri.getPath() + " was not opened: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the WebSocket to " + uri.getPath() + " was not opened in time", e);
        }
    }

    /** The subprotocol the server chose; empty when it chose none. */
    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** The next event, parsed; fails when none arrives within {@code timeout}. */
    JsonNode next(Duration timeout) {
        String frame = nextFrame(timeout);
        if (frame == null) {
            throw new AssertionError("no event within " + timeout.toMillis() + " ms"
                    + (closed.isDone() ? "; the socket was closed: " + closed.join() : ""));
        }
        try {
            return JSON.readTree(frame);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    /** The next frame's text, or null when none arrives within {@code timeout}. */
    String nextFrame(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** How many frames have arrived and were not taken yet. */
    int waitingFrames() {
        return frames.size();
    }

    /** Waits for the server to close the socket; fails when it stays open for {@code timeout}. */
    Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server did not close the socket within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new AssertionError("the socket failed instead of being closed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** For a socket opened with {@link #notReading}: from now on takes every frame. */
    void startReading() {
        socket.request(Long.MAX_VALUE);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // the server may have gone first; abort below
            }
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                if (reading) {
                    webSocket.request(1);
                }
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                if (reading) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason, System.nanoTime()));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
    }
}
