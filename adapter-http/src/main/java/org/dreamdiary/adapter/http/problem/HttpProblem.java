package org.dreamdiary.adapter.http.problem;

import java.util.Map;

/**
 * A failure found by the HTTP layer itself (a malformed body, a wrong media type), with the response headers it
 * calls for.
 */
public class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ProblemType type;
    private final transient Map<String, String> headers;

    public HttpProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public HttpProblem(ProblemType type, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
