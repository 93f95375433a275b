package org.dreamdiary.client.error;

/** 404 Not Found: there is no such resource, or it is not the caller's to see. */
public final class NotFoundException extends ApiException {
    public NotFoundException(Problem problem) {
        super(problem);
    }
}
