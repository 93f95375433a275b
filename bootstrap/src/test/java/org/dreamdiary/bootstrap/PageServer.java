package org.dreamdiary.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A static web server on a port of its own, serving one page (a test resource) at {@code /}: the origin of a web
 * front end that calls the service from elsewhere. The same server is reached under two origins,
 * {@code http://127.0.0.1:<port>} and {@code http://localhost:<port>}, which browsers tell apart.
 */
final class PageServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] page;

    private PageServer(HttpServer server, byte[] page) {
        this.server = server;
        this.page = page;
    }

    /** Serves the resource {@code resource} (of this class's module) on a free port of 127.0.0.1. */
    static PageServer serving(String resource) {
        try (InputStream in = PageServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the test resource " + resource + " is missing");
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            PageServer pages = new PageServer(server, in.readAllBytes());
            server.createContext("/", pages::answer);
            server.start();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The origin whose pages the service is told to allow. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Another origin of the same page: another host name, so another origin to a browser. */
    String otherOrigin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; OutputStream body = exchange.getResponseBody()) {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.length);
            body.write(page);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
