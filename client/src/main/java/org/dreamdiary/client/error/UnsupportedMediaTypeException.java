package org.dreamdiary.client.error;

/** 415 Unsupported Media Type: the body's type (or an upload's content) is not one the route takes. */
public final class UnsupportedMediaTypeException extends ApiException {
    public UnsupportedMediaTypeException(Problem problem) {
        super(problem);
    }
}
