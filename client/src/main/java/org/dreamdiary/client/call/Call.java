package org.dreamdiary.client.call;

import java.util.concurrent.CompletableFuture;
import org.dreamdiary.client.error.DreamDiaryException;

/**
 * One operation of the API, ready to send; nothing is sent before {@link #execute()} or {@link #executeAsync()}.
 * Each of those is one logical call: its retries share one {@code Idempotency-Key}, so a retried create never creates
 * twice; executing the same {@code Call} again is a new logical call.
 *
 * @param <T> what the operation answers ({@code Void} for none)
 */
public interface Call<T> {
    /**
     * Sends the request and waits for its answer, retrying and refreshing tokens as the client is configured to.
     *
     * @throws DreamDiaryException the service's error as its own type, or {@code ConnectionFailedException}
     */
    T execute();

    /** The same as {@link #execute()} without blocking: the future fails with the same exceptions. */
    CompletableFuture<T> executeAsync();
}
