package org.dreamdiary.client.model;

import java.time.LocalDate;

/**
 * Which diary entries to list: dated from {@code from} to {@code to} (both included), matching a full-text search of
 * title and text ({@code q}), of one mood, a page at a time. {@code null} leaves a filter out.
 */
public record DiaryQuery(LocalDate from, LocalDate to, String q, Integer mood, PageRequest page) {
    public static DiaryQuery all() {
        return new DiaryQuery(null, null, null, null, PageRequest.first());
    }

    /** Entries dated on or after {@code from}. */
    public DiaryQuery from(LocalDate from) {
        return new DiaryQuery(from, to, q, mood, page);
    }

    /** Entries dated on or before {@code to}. */
    public DiaryQuery to(LocalDate to) {
        return new DiaryQuery(from, to, q, mood, page);
    }

    public DiaryQuery search(String q) {
        return new DiaryQuery(from, to, q, mood, page);
    }

    public DiaryQuery mood(int mood) {
        return new DiaryQuery(from, to, q, mood, page);
    }

    public DiaryQuery page(int page, int perPage) {
        return new DiaryQuery(from, to, q, mood, PageRequest.of(page, perPage));
    }
}
