package org.dreamdiary.adapter.http.problem;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dreamdiary.adapter.http.observability.LogSafe;
import org.dreamdiary.adapter.http.observability.RequestIds;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.ForbiddenException;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.StorageUnavailableException;
import org.dreamdiary.domain.error.TooManyAttemptsException;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.error.UnsupportedContentException;
import org.dreamdiary.domain.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every exception, from the core or from HTTP itself,
 * maps to one problem type and is written as {@code application/problem+json}. An unexpected failure is
 * logged with its stack trace under the request id and answered {@code 500} without a word about its cause.
 */
public final class ErrorResponder {
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private ErrorResponder() {
    }

    public static void respond(Exception failure, Context ctx) {
        if (failure instanceof HttpProblem problem) {
            problem.headers().forEach(ctx::header);
            write(ctx, problem.type(), problem.getMessage(), List.of());
        } else if (failure instanceof ValidationException invalid) {
            write(ctx, ProblemType.VALIDATION_FAILED, invalid.getMessage(), invalid.errors());
        } else if (failure instanceof InvalidValueException invalid) {
            write(ctx, ProblemType.VALIDATION_FAILED, invalid.getMessage(), List.of());
        } else if (failure instanceof NotFoundException notFound) {
            write(ctx, ProblemType.NOT_FOUND, notFound.getMessage(), List.of());
        } else if (failure instanceof ConflictException conflict) {
            write(ctx, ProblemType.CONFLICT, conflict.getMessage(), List.of());
        } else if (failure instanceof ForbiddenException forbidden) {
            write(ctx, ProblemType.FORBIDDEN, forbidden.getMessage(), List.of());
        } else if (failure instanceof UnauthenticatedException unauthenticated) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"dream-diary\"");
            write(ctx, ProblemType.UNAUTHORIZED, unauthenticated.getMessage(), List.of());
        } else if (failure instanceof TooManyAttemptsException tooMany) {
            retryAfter(ctx, tooMany.retryAfter());
            write(ctx, ProblemType.RATE_LIMITED, tooMany.getMessage(), List.of());
        } else if (failure instanceof StorageUnavailableException unavailable) {
            // Not logged here: the storage adapter logs when an outage begins and ends, not once per request.
            retryAfter(ctx, unavailable.retryAfter());
            write(ctx, ProblemType.SERVICE_UNAVAILABLE, unavailable.getMessage(), List.of());
        } else if (failure instanceof UnsupportedContentException unsupported) {
            write(ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE, unsupported.getMessage(), List.of());
        } else if (failure instanceof StaleVersionException stale) {
            write(ctx, ProblemType.PRECONDITION_FAILED, stale.getMessage(), List.of());
        } else if (failure instanceof MethodNotAllowedResponse notAllowed) {
            ctx.header("Allow", allowedMethods(notAllowed.getDetails()));
            write(ctx, ProblemType.METHOD_NOT_ALLOWED,
                    ctx.method().name() + " is not allowed on " + ctx.path(), List.of());
        } else if (failure instanceof NotFoundResponse) {
            write(ctx, ProblemType.NOT_FOUND, "no route matches " + ctx.method().name() + " " + ctx.path(), List.of());
        } else if (failure instanceof HttpResponseException http && http.getStatus() < 500) {
            write(ctx, ProblemType.forStatus(http.getStatus()), http.getMessage(), List.of());
        } else {
            LOG.error("unexpected failure of {} {}", ctx.method().name(), LogSafe.text(ctx.path()), failure);
            write(ctx, ProblemType.INTERNAL_ERROR,
                    "an unexpected error occurred; quote the request id when reporting it", List.of());
        }
    }

    /**
     * For a handler whose response Javalin does not write itself (one refusing a WebSocket upgrade): answers like
     * {@link #respond}, and sends the body at once.
     */
    public static void respondNow(Exception failure, Context ctx) throws IOException {
        respond(failure, ctx);
        byte[] body = ctx.resultInputStream() == null ? new byte[0] : ctx.resultInputStream().readAllBytes();
        ctx.res().setContentLength(body.length);
        ctx.res().getOutputStream().write(body);
        ctx.res().flushBuffer();
    }

    private static void write(Context ctx, ProblemType type, String detail, List<FieldError> errors) {
        Problem body = Problem.of(type, detail, ctx.path(), RequestIds.of(ctx), errors);
        Respond.json(ctx, type.status(), body);
        ctx.contentType(PROBLEM_JSON);
    }

    /** Whole seconds, rounded up, and at least one: a client told {@code 0} would retry at once. */
    public static String wholeSeconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private static void retryAfter(Context ctx, Duration wait) {
        ctx.header("Retry-After", wholeSeconds(wait));
    }

    private static String allowedMethods(Map<String, String> details) {
        return details.values().stream().findFirst().orElse("");
    }
}
