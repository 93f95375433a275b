package org.dreamdiary.client.error;

import java.util.List;

/**
 * An error as the service described it (RFC 9457 problem details): {@code type} is one of the service's
 * {@code /problems/...}, {@code requestId} names the request in the service's log, {@code errors} lists the offending
 * fields of a validation failure and is empty otherwise.
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One field of a request that was refused, and why. */
    public record FieldError(String field, String message) {
    }
}
