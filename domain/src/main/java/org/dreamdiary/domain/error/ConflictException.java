package org.dreamdiary.domain.error;

/** The request is valid but collides with the current state (a taken name, an existing membership). */
public class ConflictException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
