package org.dreamdiary.adapter.http.observability;

/**
 * Client-supplied text made safe for one log line: control characters (CR and LF above all, with which a client
 * could forge lines of its own) and backslashes are escaped, and the length is bounded. Everything a client sends
 * goes through here before it is logged: paths, close reasons, messages that may quote either.
 */
public final class LogSafe {
    /** More than a log reader needs to recognise the text; a client cannot fill the log with one request. */
    static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        int shown = 0;
        for (int i = 0; i < text.length() && shown < MAX_LENGTH; i++, shown++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                case '\\' -> safe.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX_LENGTH) {
            safe.append("...(").append(text.length() - MAX_LENGTH).append(" more chars)");
        }
        return safe.toString();
    }
}
