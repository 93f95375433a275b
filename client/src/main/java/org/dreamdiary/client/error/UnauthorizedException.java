package org.dreamdiary.client.error;

/** 401 Unauthorized: no valid credentials (a wrong password, or no session). */
public class UnauthorizedException extends ApiException {
    public UnauthorizedException(Problem problem) {
        super(problem);
    }
}
