package org.dreamdiary.adapter.http.attachment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;

/**
 * One range of bytes, {@code first} to {@code last} inclusive, of content of a known size (RFC 9110 §14).
 * A {@code Range} header is read the way the RFC lets a server: one range is served; several ranges, another unit
 * or a header that does not parse are ignored (the whole content is served, {@code 200}); a range that starts at
 * or after the end is unsatisfiable ({@code 416}).
 */
record ByteRange(long first, long last) {
    ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a range runs from a first byte to a last byte not before it");
        }
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of this range of content of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The one range {@code header} asks of content of {@code size} bytes; empty when the whole content is to be
     * served (no header, several ranges, a header that does not parse).
     *
     * @throws HttpProblem {@code 416} with {@code Content-Range: bytes *&#47;size} when the range is unsatisfiable
     */
    static Optional<ByteRange> of(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        String spec = header.strip();
        if (!spec.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return Optional.empty();
        }
        spec = spec.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (spec.contains(",") || dash < 0) {
            return Optional.empty();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            // a suffix: the last n bytes
            if (!digits(to)) {
                return Optional.empty();
            }
            long n = number(to);
            if (n == 0) {
                throw unsatisfiable(size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
        }
        if (!digits(from) || !to.isEmpty() && !digits(to)) {
            return Optional.empty();
        }
        long first = number(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
        if (last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw unsatisfiable(size);
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A position too large for a long lies beyond any content: it counts as the largest long. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    private static HttpProblem unsatisfiable(long size) {
        return new HttpProblem(ProblemType.RANGE_NOT_SATISFIABLE,
                "the range asked lies outside the content, which has " + size + " bytes",
                Map.of("Content-Range", "bytes */" + size));
    }
}
