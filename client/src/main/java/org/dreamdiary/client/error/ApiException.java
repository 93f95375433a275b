package org.dreamdiary.client.error;

import java.util.List;

/**
 * The service answered with an error. Its problem details say what went wrong; {@link #requestId()} finds the
 * request in the service's log. A subclass for each kind of problem lets callers catch just the ones they handle.
 */
public class ApiException extends DreamDiaryException {
    private final Problem problem;

    public ApiException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail())
                + (problem.requestId() == null ? "" : " (request " + problem.requestId() + ")"), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public String type() {
        return problem.type();
    }

    public String title() {
        return problem.title();
    }

    public String detail() {
        return problem.detail();
    }

    public String requestId() {
        return problem.requestId();
    }

    /** The offending fields of a validation failure; empty for any other problem. */
    public List<Problem.FieldError> fieldErrors() {
        return problem.errors();
    }
}
