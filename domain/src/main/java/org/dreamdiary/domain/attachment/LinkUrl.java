package org.dreamdiary.domain.attachment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.text.TextRules;

/** The address of a link attachment: an absolute {@code http} or {@code https} URL with a host, at most 2,048 characters. */
public record LinkUrl(String value) {
    public static final int MAX_LENGTH = 2048;

    public LinkUrl {
        TextRules.bounded(value, 1, MAX_LENGTH);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValueException("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidValueException("must name a host");
        }
    }
}
