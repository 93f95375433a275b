package org.dreamdiary.domain.error;

import java.util.List;

/** Input that breaks the rules, with every offending field listed, not just the first. */
public class ValidationException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
