package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a collection: its items, where it is ({@code _meta}) and the links to its neighbours ({@code _links}:
 * {@code self}, {@code next}, {@code prev}, each {@code null} where there is none).
 */
public record Page<T>(List<T> items, @JsonProperty("_meta") PageMeta meta,
                      @JsonProperty("_links") Map<String, String> links) {
    public Page {
        items = List.copyOf(items);
        links = Links.copy(links);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return next().isPresent();
    }

    /** The path of the next page, if there is one. */
    public Optional<String> next() {
        return Optional.ofNullable(links.get("next"));
    }
}
