package org.dreamdiary.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP proxy in front of the service that loses answers: the request reaches the service (which carries it out),
 * but the next {@link #cutAnswers(int) n} answers close their connection instead of reaching the client, as a
 * network that fails at the worst moment would.
 */
final class AnswerCuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger answersToCut = new AtomicInteger();
    private final AtomicInteger answersCut = new AtomicInteger();

    AnswerCuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "answer-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The next {@code answers} answers are lost, each with its connection. */
    void cutAnswers(int answers) {
        answersToCut.set(answers);
    }

    int answersCut() {
        return answersCut.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                // set when request bytes went up: the next bytes down begin an answer (one at a time, as HTTP/1.1 has)
                AtomicBoolean answerDue = new AtomicBoolean();
                copy(client, upstream, read -> {
                    answerDue.set(true);
                    return false;
                });
                copy(upstream, client, read -> answerDue.getAndSet(false)
                        && answersToCut.getAndUpdate(n -> Math.max(0, n - 1)) > 0);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies bytes until either side closes, or until {@code cut} says to drop the bytes just read and close. */
    private void copy(Socket from, Socket to, Predicate<byte[]> cut) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (cut.test(buffer)) {
                        answersCut.incrementAndGet();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side went away: the other is closed below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "answer-cutting-proxy-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
