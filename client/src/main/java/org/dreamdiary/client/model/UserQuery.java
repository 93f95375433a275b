package org.dreamdiary.client.model;

/**
 * Which users to find: those whose username or full name contains {@code q}, ignoring case ({@code null}: everyone),
 * in username order, a page at a time.
 */
public record UserQuery(String q, PageRequest page) {
    public static UserQuery all() {
        return new UserQuery(null, PageRequest.first());
    }

    public UserQuery search(String q) {
        return new UserQuery(q, page);
    }

    public UserQuery page(int page, int perPage) {
        return new UserQuery(q, PageRequest.of(page, perPage));
    }
}
