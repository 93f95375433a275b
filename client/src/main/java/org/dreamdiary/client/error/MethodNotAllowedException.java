package org.dreamdiary.client.error;

/** 405 Method Not Allowed: the route does not take that method. */
public final class MethodNotAllowedException extends ApiException {
    public MethodNotAllowedException(Problem problem) {
        super(problem);
    }
}
