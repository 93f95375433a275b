package org.dreamdiary.client.error;

/** 400 Bad Request: the request could not be read (malformed JSON, a bad header). */
public final class BadRequestException extends ApiException {
    public BadRequestException(Problem problem) {
        super(problem);
    }
}
