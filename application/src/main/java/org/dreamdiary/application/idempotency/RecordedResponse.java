package org.dreamdiary.application.idempotency;

import java.util.Arrays;
import java.util.Map;

/**
 * A response as it was sent, kept so that a retry with the same idempotency key gets it again: the status, the
 * headers that belong to the result (not those of the one exchange, such as a request id) and the body's bytes.
 */
public record RecordedResponse(int status, Map<String, String> headers, byte[] body) {
    public RecordedResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** Only a success is kept: a failed attempt changed nothing, so it may be retried under the same key. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RecordedResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
