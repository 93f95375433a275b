package org.dreamdiary.client.error;

/** 409 Conflict: the change contradicts what is there (a taken username, an idempotent request still running). */
public final class ConflictException extends ApiException {
    public ConflictException(Problem problem) {
        super(problem);
    }
}
