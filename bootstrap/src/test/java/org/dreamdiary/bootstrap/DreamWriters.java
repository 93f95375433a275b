package org.dreamdiary.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that create dreams as fast as the service answers, one thread per signed-in user, until told to stop
 * or until the service refuses a connection. Each request goes on a connection of its own
 * ({@code Connection: close}), so that the fate of every request is known exactly: {@link Fate#ANSWERED} with a
 * whole response, {@link Fate#REFUSED} (no connection was made), or {@link Fate#DROPPED} (connected, but no whole
 * response came back).
 */
final class DreamWriters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    enum Fate { ANSWERED, REFUSED, DROPPED }

    /** One request: the dream's name (unique per user), its request id, its fate, and the answer if one came. */
    record Attempt(String bearer, String name, String requestId, Fate fate, int status, String dreamId) {
        boolean acknowledged() {
            return fate == Fate.ANSWERED && status / 100 == 2;
        }
    }

    private final int port;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile boolean stopping;

    private DreamWriters(int port) {
        this.port = port;
    }

    /** Starts one writer per {@code Authorization} value. */
    static DreamWriters start(int port, List<String> bearers) {
        DreamWriters writers = new DreamWriters(port);
        for (int w = 0; w < bearers.size(); w++) {
            String bearer = bearers.get(w);
            String writer = "w" + w;
            Thread thread = new Thread(() -> writers.write(writer, bearer), "dream-writer-" + w);
            writers.threads.add(thread);
            thread.start();
        }
        return writers;
    }

    /** Waits (bounded) until at least {@code count} dreams have been acknowledged. */
    void awaitAcknowledged(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (acknowledged.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.get() + " of " + count + " dreams acknowledged within " + within);
            }
            Thread.sleep(10);
        }
    }

    int acknowledgedSoFar() {
        return acknowledged.get();
    }

    /** Stops every writer (each finishes the request it is sending) and returns every attempt made. */
    List<Attempt> stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join(READ_TIMEOUT_MILLIS + 5_000);
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop");
            }
        }
        return List.copyOf(attempts);
    }

    private void write(String writer, String bearer) {
        for (int n = 0; !stopping; n++) {
            Attempt attempt = send(bearer, writer + " dream " + n, writer + "-" + n);
            attempts.add(attempt);
            if (attempt.acknowledged()) {
                acknowledged.incrementAndGet();
            }
            if (attempt.fate() == Fate.REFUSED) {
                return;
            }
        }
    }

    private Attempt send(String bearer, String name, String requestId) {
        byte[] body = ("{\"name\": \"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/dreams HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: " + bearer + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Request-Id: " + requestId + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            } catch (ConnectException refused) {
                return new Attempt(bearer, name, requestId, Fate.REFUSED, 0, null);
            }
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return WholeResponse.of(socket.getInputStream().readAllBytes())
                    .map(response -> new Attempt(bearer, name, requestId, Fate.ANSWERED, response.status(),
                            response.status() == 201 ? dreamId(response.body()) : null))
                    .orElseGet(() -> new Attempt(bearer, name, requestId, Fate.DROPPED, 0, null));
        } catch (IOException e) {
            return new Attempt(bearer, name, requestId, Fate.DROPPED, 0, null);
        }
    }

    private static String dreamId(byte[] body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError("a 201 without a dream: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** An HTTP/1.1 response read to the end of the connection, if it arrived whole. */
    private record WholeResponse(int status, byte[] body) {
        static Optional<WholeResponse> of(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
                return Optional.empty();
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
            byte[] rest = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
            if (head.contains("\r\ntransfer-encoding: chunked")) {
                return dechunked(rest).map(body -> new WholeResponse(status, body));
            }
            int lengthAt = head.indexOf("\r\ncontent-length: ");
            int length = lengthAt < 0 ? rest.length
                    : Integer.parseInt(head.substring(lengthAt + 18).lines().findFirst().orElseThrow().strip());
            return rest.length == length ? Optional.of(new WholeResponse(status, rest)) : Optional.empty();
        }

        /** The body of a chunked message, if its last (empty) chunk arrived. */
        private static Optional<byte[]> dechunked(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String text = new String(chunked, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (true) {
                int lineEnd = text.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    return Optional.empty();
                }
                int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) {
                    return Optional.of(body.toByteArray());
                }
                if (lineEnd + 2 + size > chunked.length) {
                    return Optional.empty();
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
