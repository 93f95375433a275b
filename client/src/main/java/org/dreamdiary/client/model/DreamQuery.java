package org.dreamdiary.client.model;

/**
 * Which dreams to list: by status, matching a full-text search of name and description ({@code q}), in an order,
 * a page at a time. {@code null} leaves a filter out.
 */
public record DreamQuery(DreamStatus status, String q, DreamSort sort, PageRequest page) {
    public static DreamQuery all() {
        return new DreamQuery(null, null, null, PageRequest.first());
    }

    public DreamQuery status(DreamStatus status) {
        return new DreamQuery(status, q, sort, page);
    }

    public DreamQuery search(String q) {
        return new DreamQuery(status, q, sort, page);
    }

    public DreamQuery sort(DreamSort sort) {
        return new DreamQuery(status, q, sort, page);
    }

    public DreamQuery page(int page, int perPage) {
        return new DreamQuery(status, q, sort, PageRequest.of(page, perPage));
    }
}
