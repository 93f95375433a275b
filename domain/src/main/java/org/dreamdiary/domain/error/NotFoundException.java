package org.dreamdiary.domain.error;

/** The thing asked for does not exist, or is not the caller's to see (existence is never leaked). */
public class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
