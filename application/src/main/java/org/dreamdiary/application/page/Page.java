package org.dreamdiary.application.page;

import java.util.List;

/** One slice of a collection and the size of the whole. */
public record Page<T>(List<T> items, long totalItems, PageRequest request) {
    public Page {
        items = List.copyOf(items);
        if (totalItems < 0) {
            throw new IllegalArgumentException("totalItems must not be negative");
        }
    }

    public long totalPages() {
        return (totalItems + request.perPage() - 1) / request.perPage();
    }

    public boolean hasNext() {
        return request.page() < totalPages();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }
}
