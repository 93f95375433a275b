package org.dreamdiary.adapter.http.json;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** UUIDs as they appear in paths, queries and bodies: the canonical 8-4-4-4-12 hex form only. */
public final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** The UUID, or {@code null} when {@code text} is not one ({@link UUID#fromString} accepts too much). */
    public static UUID parseOrNull(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }
}
