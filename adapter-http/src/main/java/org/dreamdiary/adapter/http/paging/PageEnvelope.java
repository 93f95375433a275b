package org.dreamdiary.adapter.http.paging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of every paged collection: the items, where this page stands, and links to its neighbours. */
public record PageEnvelope<T>(List<T> items, @JsonProperty("_meta") Meta meta, @JsonProperty("_links") Links links) {

    public record Meta(int page, int perPage, long totalPages, long totalItems) {
    }

    /** {@code next} and {@code prev} are {@code null} at the ends, and present as such in the body. */
    public record Links(String self, String next, String prev) {
    }
}
