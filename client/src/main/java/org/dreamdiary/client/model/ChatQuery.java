package org.dreamdiary.client.model;

/**
 * Which of the caller's chats to list, most recent activity first: those whose title contains {@code q} (ignoring
 * case; {@code null} for all), a page at a time.
 */
public record ChatQuery(String q, PageRequest page) {
    public static ChatQuery all() {
        return new ChatQuery(null, PageRequest.first());
    }

    public ChatQuery search(String q) {
        return new ChatQuery(q, page);
    }

    public ChatQuery page(int page, int perPage) {
        return new ChatQuery(q, PageRequest.of(page, perPage));
    }
}
