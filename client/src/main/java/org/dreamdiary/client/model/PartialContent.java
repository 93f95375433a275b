package org.dreamdiary.client.model;

import java.io.IOException;
import java.io.InputStream;

/**
 * Part of a file's content as it arrives: bytes {@code first} to {@code last} (both included) of a file of
 * {@code size} bytes. The caller reads {@code stream} and closes it (closing this record closes it).
 */
public record PartialContent(long first, long last, long size, InputStream stream) implements AutoCloseable {
    /** How many bytes the stream holds. */
    public long length() {
        return last - first + 1;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
