package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What an attachment is, decided by the service from the file's own bytes (or {@code LINK} for a URL). */
public enum AttachmentKind {
    @JsonProperty("image") IMAGE,
    @JsonProperty("video") VIDEO,
    @JsonProperty("file") FILE,
    @JsonProperty("link") LINK;

    /** The name the API uses, as in a query. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
