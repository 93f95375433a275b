package org.dreamdiary.adapter.http.request;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dreamdiary.adapter.http.problem.JettyErrorHandler;

/**
 * Reads a request's whole body before any route runs, without a thread waiting for it: the container calls back
 * as bytes arrive, and only a complete body is dispatched to the routes, from memory. So a client that sends
 * slowly, stalls or closes early holds a connection but no request thread, and cannot starve the others.
 * <ul>
 *   <li>A body not complete within the deadline: {@code 408}, and the connection is closed.</li>
 *   <li>A body that ends before its {@code Content-Length}: {@code 400}, at once.</li>
 *   <li>Up to {@code limit + 1} bytes are kept, so that the route still sees, and refuses with {@code 413}, a body
 *       that is too large; one that declares a larger {@code Content-Length} goes on unread, to be refused unread.</li>
 *   <li>A {@code multipart/form-data} body (an upload, up to its own, larger limit) is not read here: its route
 *       streams it to disk ({@link MultipartUploads}), and whatever it spooled is deleted once the request is done.</li>
 * </ul>
 */
public final class BodyPrefetch implements Filter {
    private static final String BODY = BodyPrefetch.class.getName() + ".body";

    private final int limit;
    private final Duration deadline;

    public BodyPrefetch(int limit, Duration deadline) {
        this.limit = limit;
        this.deadline = deadline;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getAttribute(BODY) instanceof byte[] body) {
            chain.doFilter(new BufferedBodyRequest(request, body), res);
        } else if (MultipartUploads.isMultipart(request)) {
            try {
                chain.doFilter(req, res);
            } finally {
                MultipartUploads.release(request);
            }
        } else if (request.getDispatcherType() == DispatcherType.REQUEST && hasBodyToRead(request)) {
            AsyncContext async = request.startAsync();
            async.setTimeout(deadline.toMillis());
            Reader reader = new Reader(async, request.getInputStream());
            async.addListener(reader);
            request.getInputStream().setReadListener(reader);
        } else {
            chain.doFilter(req, res);
        }
    }

    private boolean hasBodyToRead(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        return declared > 0 && declared <= limit || declared < 0 && request.getHeader("Transfer-Encoding") != null;
    }

    /** Collects the bytes as they come; exactly one of dispatching or answering an error settles the request. */
    private final class Reader implements ReadListener, AsyncListener {
        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean answered;

        Reader(AsyncContext async, ServletInputStream in) {
            this.async = async;
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            // isReady() false means "call me again when there is more"; it also arms that callback
            while (!settled.get() && in.isReady() && !in.isFinished()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return;
                }
                body.write(chunk, 0, Math.min(n, limit + 1 - body.size()));
                if (body.size() > limit) {
                    dispatch();
                }
            }
        }

        @Override
        public void onAllDataRead() {
            dispatch();
        }

        @Override
        public void onError(Throwable failure) {
            if (isTimeout(failure)) {
                answer(HttpServletResponse.SC_REQUEST_TIMEOUT, timedOut());
            } else {
                answer(HttpServletResponse.SC_BAD_REQUEST, "the request body ended before its Content-Length");
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            answer(HttpServletResponse.SC_REQUEST_TIMEOUT, timedOut());
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing held beyond the request itself
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the one asynchronous cycle is this filter's own
        }

        private void dispatch() {
            if (settled.compareAndSet(false, true)) {
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        private void answer(int status, String detail) {
            if (settled.compareAndSet(false, true)) {
                answered = true;
                try {
                    // the rest of the body, if it ever comes, cannot be told apart from a next request
                    ((HttpServletResponse) async.getResponse()).setHeader("Connection", "close");
                    JettyErrorHandler.writeProblem((HttpServletRequest) async.getRequest(),
                            (HttpServletResponse) async.getResponse(), status, detail);
                } catch (IOException | RuntimeException clientGone) {
                    // nobody left to answer: completing below ends the exchange all the same
                }
            }
            if (answered) {
                try {
                    async.complete();
                } catch (IllegalStateException expiring) {
                    // the deadline struck as the client went away: onTimeout follows, and completes then
                }
            }
        }

        private String timedOut() {
            return "the request body did not arrive within " + deadline.toSeconds() + " s";
        }

        private static boolean isTimeout(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException) {
                    return true;
                }
            }
            return false;
        }
    }
}
