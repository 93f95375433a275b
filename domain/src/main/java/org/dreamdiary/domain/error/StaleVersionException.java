package org.dreamdiary.domain.error;

/** The caller changed a version of the thing that is no longer the current one. */
public class StaleVersionException extends DomainException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(String what) {
        super(what + " was changed by someone else");
    }
}
