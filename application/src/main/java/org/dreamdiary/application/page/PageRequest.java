package org.dreamdiary.application.page;

import org.dreamdiary.domain.error.InvalidValueException;

/** Which slice of a collection to read: 1-based {@code page}, {@code perPage} items each. */
public record PageRequest(int page, int perPage) {
    public static final int MAX_PER_PAGE = 100;
    public static final int DEFAULT_PER_PAGE = 20;

    public PageRequest {
        if (page < 1) {
            throw new InvalidValueException("page must be at least 1");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InvalidValueException("per_page must be 1 to " + MAX_PER_PAGE);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PER_PAGE);
    }

    /** Rows to skip; a long because page × perPage can pass {@code Integer.MAX_VALUE}. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
