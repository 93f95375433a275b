package org.dreamdiary.client.internal;

import java.util.UUID;
import org.dreamdiary.client.model.PageRequest;

/** The service's paths, built from their parts. */
public final class Paths {
    public static final String API = "/api/v1";

    private Paths() {
    }

    /** {@code collection/id}, and further segments after it. */
    public static String of(String collection, UUID id, String... more) {
        StringBuilder path = new StringBuilder(collection).append('/').append(id);
        for (String segment : more) {
            path.append('/').append(segment);
        }
        return path.toString();
    }

    /** The request with {@code page} and {@code per_page} from {@code page}, where set. */
    public static Request paged(Request request, PageRequest page) {
        return page == null ? request
                : request.query("page", page.page()).query("per_page", page.perPage());
    }
}
