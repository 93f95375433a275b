package org.dreamdiary.client.error;

/** 403 Forbidden: signed in, but not allowed (an owner-only change by another member). */
public final class ForbiddenException extends ApiException {
    public ForbiddenException(Problem problem) {
        super(problem);
    }
}
