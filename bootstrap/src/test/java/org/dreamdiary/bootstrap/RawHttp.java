package org.dreamdiary.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP written by hand over a plain socket, for what a well-behaved client cannot send: bodies shorter than their
 * {@code Content-Length}, stalls, oversized heads. Every read is bounded, so a server that hangs fails the test.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    static RawHttp connect(URI base, Duration readTimeout) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) readTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request head: the request line, {@code Host}, these header lines, and the blank line. */
    static byte[] head(String requestLine, String... headerLines) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    RawHttp send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Says that nothing more will be sent, while still reading the answer. */
    RawHttp endOutput() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole answer up to the server closing the connection (or the read timeout: then an AssertionError). */
    Answer readUntilClosed() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                received.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (received.size() == 0) {
                throw new AssertionError("no answer within the read timeout", e);
            }
        } catch (IOException e) {
            if (received.size() == 0) {
                throw new UncheckedIOException(e);
            }
        }
        return Answer.of(received.toString(StandardCharsets.UTF_8));
    }

    /** The status of the first answer, read as soon as its status line has arrived. */
    int readStatus() {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
                line.append((char) c);
            }
            return Answer.of(line.toString()).status();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no status line within the read timeout", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone: nothing to release
        }
    }

    /** An answer as text: the status line, the headers and whatever body came. */
    record Answer(int status, String text) {
        static Answer of(String text) {
            String[] statusLine = text.split("\r?\n", 2)[0].split(" ");
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new AssertionError("not an HTTP answer: " + text);
            }
            return new Answer(Integer.parseInt(statusLine[1]), text);
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
