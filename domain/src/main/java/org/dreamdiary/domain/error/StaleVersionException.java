package org.dreamdiary.domain.error;

/** The caller changed a version of the thing that is no longer the current one. */
public class StaleVersionException extends DomainException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(String what) {
        this(what, " was changed by someone else");
    }

    private StaleVersionException(String what, String happened) {
        super(what + happened);
    }

    /** The caller named a version of something that is not there (any more): no version of it is current. */
    public static StaleVersionException gone(String what) {
        return new StaleVersionException(what, " is not there (any more)");
    }
}
