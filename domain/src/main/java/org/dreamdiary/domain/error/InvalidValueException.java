package org.dreamdiary.domain.error;

/**
 * A value object refused its value. It knows the rule, not the field it came from: whoever reads the
 * input turns it into a {@link FieldError} under the field's name.
 */
public class InvalidValueException extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String rule) {
        super(rule);
    }
}
