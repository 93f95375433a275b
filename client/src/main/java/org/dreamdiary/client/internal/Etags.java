package org.dreamdiary.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ETag} of the last representation of each resource the client read or wrote, by resource path, so that
 * a change can name the version it was made against ({@code If-Match}). Bounded: the least recently used go first.
 */
final class Etags {
    private static final int CAPACITY = 10_000;

    private final Map<String, String> tags = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void remember(String resourcePath, String etag) {
        tags.put(resourcePath, etag);
    }

    synchronized void forget(String resourcePath) {
        tags.remove(resourcePath);
    }

    synchronized Optional<String> of(String resourcePath) {
        return Optional.ofNullable(tags.get(resourcePath));
    }
}
