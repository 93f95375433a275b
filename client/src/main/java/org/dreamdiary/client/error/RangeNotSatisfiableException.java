package org.dreamdiary.client.error;

/** 416 Range Not Satisfiable: the requested byte range lies outside the content. */
public final class RangeNotSatisfiableException extends ApiException {
    public RangeNotSatisfiableException(Problem problem) {
        super(problem);
    }
}
