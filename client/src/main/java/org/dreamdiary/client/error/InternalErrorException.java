package org.dreamdiary.client.error;

/** 500 Internal Server Error: the service failed; its log has the cause under the request id. */
public final class InternalErrorException extends ApiException {
    public InternalErrorException(Problem problem) {
        super(problem);
    }
}
