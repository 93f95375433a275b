package org.dreamdiary.client.error;

/** 413 Content Too Large: the body is over the service's limit. */
public final class PayloadTooLargeException extends ApiException {
    public PayloadTooLargeException(Problem problem) {
        super(problem);
    }
}
