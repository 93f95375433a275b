package org.dreamdiary.client.internal;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.client.error.ApiException;
import org.dreamdiary.client.error.BadRequestException;
import org.dreamdiary.client.error.ConflictException;
import org.dreamdiary.client.error.ForbiddenException;
import org.dreamdiary.client.error.InternalErrorException;
import org.dreamdiary.client.error.MethodNotAllowedException;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.PayloadTooLargeException;
import org.dreamdiary.client.error.PreconditionFailedException;
import org.dreamdiary.client.error.Problem;
import org.dreamdiary.client.error.RangeNotSatisfiableException;
import org.dreamdiary.client.error.RateLimitedException;
import org.dreamdiary.client.error.ServiceUnavailableException;
import org.dreamdiary.client.error.UnauthorizedException;
import org.dreamdiary.client.error.UnsupportedMediaTypeException;
import org.dreamdiary.client.error.ValidationException;

/** Error answers as exceptions: the problem's {@code type} picks the class, the status when there is no problem body. */
final class Problems {
    private static final String PREFIX = "/problems/";

    private Problems() {
    }

    /** The problem details of an error answer; one made from the status line when the body holds none. */
    static Problem read(int status, HttpHeaders headers, byte[] body, String path) {
        String requestId = headers.firstValue("X-Request-Id").orElse(null);
        boolean json = headers.firstValue("Content-Type").filter(type -> type.contains("json")).isPresent();
        if (json && body.length > 0) {
            try {
                Problem read = Json.read(body, Json.type(Problem.class));
                if (read.status() != 0) {
                    return read.requestId() != null ? read : new Problem(read.type(), read.title(), read.status(),
                            read.detail(), read.instance(), requestId, read.errors());
                }
            } catch (RuntimeException notAProblem) {
                // fall through to the status line
            }
        }
        return new Problem(null, "HTTP " + status, status, null, path, requestId, List.of());
    }

    static ApiException exception(Problem problem, HttpHeaders headers) {
        Duration retryAfter = retryAfter(headers).orElse(null);
        return switch (kind(problem)) {
            case "bad-request" -> new BadRequestException(problem);
            case "validation-failed" -> new ValidationException(problem);
            case "unauthorized" -> new UnauthorizedException(problem);
            case "forbidden" -> new ForbiddenException(problem);
            case "not-found" -> new NotFoundException(problem);
            case "method-not-allowed" -> new MethodNotAllowedException(problem);
            case "conflict" -> new ConflictException(problem);
            case "precondition-failed" -> new PreconditionFailedException(problem, null);
            case "payload-too-large" -> new PayloadTooLargeException(problem);
            case "unsupported-media-type" -> new UnsupportedMediaTypeException(problem);
            case "range-not-satisfiable" -> new RangeNotSatisfiableException(problem);
            case "rate-limited" -> new RateLimitedException(problem, retryAfter);
            case "internal-error" -> new InternalErrorException(problem);
            case "service-unavailable" -> new ServiceUnavailableException(problem, retryAfter);
            default -> new ApiException(problem);
        };
    }

    private static String kind(Problem problem) {
        if (problem.type() != null && problem.type().startsWith(PREFIX)) {
            return problem.type().substring(PREFIX.length());
        }
        return switch (problem.status()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 416 -> "range-not-satisfiable";
            case 422 -> "validation-failed";
            case 429 -> "rate-limited";
            case 503 -> "service-unavailable";
            default -> problem.status() >= 500 ? "internal-error" : "other";
        };
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }
}
