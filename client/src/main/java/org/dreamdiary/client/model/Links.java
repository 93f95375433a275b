package org.dreamdiary.client.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The {@code _links} of a representation, relation to path; a relation without a target maps to {@code null}. */
final class Links {
    private Links() {
    }

    /** An unmodifiable copy that, unlike {@code Map.copyOf}, keeps relations whose target is {@code null}. */
    static Map<String, String> copy(Map<String, String> links) {
        return links == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(links));
    }
}
