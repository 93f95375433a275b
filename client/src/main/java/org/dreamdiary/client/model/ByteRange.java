package org.dreamdiary.client.model;

/**
 * One range of a file's bytes to read, as a {@code Range} header asks for it: from {@code first} to {@code last}
 * (both included, from 0), from {@code first} to the end, or the last {@code count} bytes.
 */
public final class ByteRange {
    private final String spec;

    private ByteRange(String spec) {
        this.spec = spec;
    }

    /** Bytes {@code first} to {@code last}, both included; a {@code last} past the end stops at the end. */
    public static ByteRange of(long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a range runs from a first byte >= 0 to a last byte >= it, not "
                    + first + "-" + last);
        }
        return new ByteRange(first + "-" + last);
    }

    /** Bytes {@code first} to the end. */
    public static ByteRange from(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("a range starts at a byte >= 0, not " + first);
        }
        return new ByteRange(first + "-");
    }

    /** The last {@code count} bytes (the whole file when it is shorter). */
    public static ByteRange last(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("a range holds at least one byte, not " + count);
        }
        return new ByteRange("-" + count);
    }

    /** The value of the {@code Range} header that asks for it, such as {@code bytes=0-1023}. */
    public String header() {
        return "bytes=" + spec;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteRange range && range.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return header();
    }
}
