package org.dreamdiary.adapter.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.dreamdiary.domain.error.FieldError;

/** An RFC 9457 problem details body; {@code errors} only for validation failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static Problem of(ProblemType type, String detail, String instance, String requestId, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId,
                errors == null || errors.isEmpty() ? null : errors);
    }
}
