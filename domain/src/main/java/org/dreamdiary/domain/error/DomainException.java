package org.dreamdiary.domain.error;

/** Base of every failure the core reports; each subclass is one category the edges map to one response. */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
