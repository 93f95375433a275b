package org.dreamdiary.client.model;

/**
 * Which page of a collection to read: {@code page} from 1, {@code perPage} 1 to 100; {@code null} leaves either to
 * the service (page 1, 20 items).
 */
public record PageRequest(Integer page, Integer perPage) {
    public static PageRequest first() {
        return new PageRequest(null, null);
    }

    public static PageRequest of(int page, int perPage) {
        return new PageRequest(page, perPage);
    }
}
