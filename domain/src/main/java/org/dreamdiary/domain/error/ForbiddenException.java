package org.dreamdiary.domain.error;

/** The caller may see the thing but not do this to it (a member on an owner-only operation). */
public class ForbiddenException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
