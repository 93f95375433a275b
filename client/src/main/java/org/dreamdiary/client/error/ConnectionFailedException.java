package org.dreamdiary.client.error;

/**
 * The service could not be reached, or the connection broke before an answer came, and retrying did not help (or
 * the request was not one that is safe to send again).
 */
public final class ConnectionFailedException extends DreamDiaryException {
    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
