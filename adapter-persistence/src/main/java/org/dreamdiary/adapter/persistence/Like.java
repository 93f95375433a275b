package org.dreamdiary.adapter.persistence;

/** Escaping for LIKE patterns, so that a user's {@code %} or {@code _} is searched for, not obeyed. */
final class Like {
    private Like() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
