package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** No goal, or all abandoned: dreaming; any goal active: pursuing; otherwise achieved. */
public enum DreamStatus {
    @JsonProperty("dreaming") DREAMING,
    @JsonProperty("pursuing") PURSUING,
    @JsonProperty("achieved") ACHIEVED;

    /** The name the API uses, as in a query. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
