package org.dreamdiary.client.model;

import java.net.URI;
import java.util.Objects;

/** A link to keep as an attachment: an absolute {@code http} or {@code https} URL with a host, at most 2,048 characters. */
public record NewLink(URI url) {
    public NewLink {
        Objects.requireNonNull(url, "url");
    }
}
