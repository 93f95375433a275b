package org.dreamdiary.client.model;

/** Where a page is in its collection: its number, its size, and how many pages and items there are in all. */
public record PageMeta(int page, int perPage, int totalPages, long totalItems) {
}
