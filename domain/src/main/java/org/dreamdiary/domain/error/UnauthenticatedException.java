package org.dreamdiary.domain.error;

/** Missing, wrong, expired or revoked credentials. The message never says which, so nothing is revealed. */
public class UnauthenticatedException extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(String message) {
        super(message);
    }
}
