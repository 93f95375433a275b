package org.dreamdiary.client.error;

/** Everything the client throws: an answer of the service that is an error, or no answer at all. */
public abstract class DreamDiaryException extends RuntimeException {
    protected DreamDiaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
