package org.dreamdiary.client.error;

import java.util.List;

/** 422 Unprocessable Content: fields of the request are invalid; {@link #fieldErrors()} lists every one of them. */
public final class ValidationException extends ApiException {
    public ValidationException(Problem problem) {
        super(problem);
    }

    /** The offending fields and why each was refused. */
    public List<Problem.FieldError> errors() {
        return fieldErrors();
    }
}
