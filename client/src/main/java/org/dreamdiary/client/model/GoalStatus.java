package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A new goal is active; completing its last open task achieves it, and reopening a task or adding one makes it active
 * again. An abandoned goal stays abandoned until the user sets another status.
 */
public enum GoalStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("achieved") ACHIEVED,
    @JsonProperty("abandoned") ABANDONED;

    /** The name the API uses, as in a query. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
