package org.dreamdiary.adapter.http;

import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Jetty the way a rolling deployment needs: first stop accepting connections, then wait (bounded) until
 * no request is in flight, then close everything. Jetty's own graceful stop would also wait for idle
 * keep-alive connections to go away, holding the process for the whole grace period for nothing.
 */
final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
    private static final long POLL_MILLIS = 20;

    private GracefulStop() {
    }

    /** Runs before Javalin's own stop; afterwards the server is stopped at once. */
    static void drain(Server server, Duration grace) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector accepting) {
                accepting.shutdown();
            }
        }
        StatisticsHandler statistics = server.getChildHandlerByClass(StatisticsHandler.class);
        long deadline = System.nanoTime() + grace.toNanos();
        while (statistics != null && statistics.getRequestsActive() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (statistics != null && statistics.getRequestsActive() > 0) {
            LOG.warn("grace period of {} over with {} requests still running; they are cut off", grace,
                    statistics.getRequestsActive());
        }
        server.setStopTimeout(0);
    }
}
