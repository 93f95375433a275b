package org.dreamdiary.adapter.persistence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.NotFoundException;

/**
 * File content as files under one directory, for a single node that wants its files outside the database. A file
 * is written whole to {@code tmp/}, forced to disk and then moved atomically to {@code xx/<id>} (where {@code xx}
 * are the id's last two hex digits: the first ones of a time-ordered id are the same for a long while, the last
 * ones are random), so a file under its id is always complete. The file system does not join the database
 * transaction: a write is undone when the transaction rolls back and a deletion waits until it commits. A crash
 * between the move and the commit leaves content without metadata, which {@link #storedBefore} lets a purge find.
 */
public final class FileSystemBlobStore implements BlobStore {
    /** A file left in {@code tmp/} this long ago belongs to no write still running. */
    static final Duration ABANDONED = Duration.ofHours(1);
    private static final Pattern FAN_OUT = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path directory;
    private final Path temporary;
    private final Transactions transactions;
    /** Where {@link #storedBefore} goes on from: the last file it answered, as {@code xx/<id>}; empty at the start. */
    private String walkedTo = "";

    public FileSystemBlobStore(Path directory, Transactions transactions) {
        this.directory = directory;
        this.temporary = directory.resolve("tmp");
        this.transactions = transactions;
        try {
            Files.createDirectories(temporary);
            removeAbandoned(Instant.now().minus(ABANDONED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the file store in " + directory, e);
        }
    }

    /** Writes that a crash interrupted never reached their final name: their temporary files go. */
    private void removeAbandoned(Instant cutoff) throws IOException {
        try (Stream<Path> files = Files.list(temporary)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    public long write(AttachmentId id, InputStream content) {
        Path target = pathOf(id);
        transactions.afterRollback(() -> deleteQuietly(target));
        Path partial = null;
        try {
            partial = Files.createTempFile(temporary, id + "-", ".part");
            long written;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                written = content.transferTo(out);
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
            return written;
        } catch (IOException e) {
            if (partial != null) {
                deleteQuietly(partial);
            }
            throw new UncheckedIOException("storing the content of attachment " + id + " failed", e);
        }
    }

    /** Makes the new name itself durable; where a directory cannot be opened for that, the move stands as it is. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported on every platform; the file's own bytes are on disk already
        }
    }

    @Override
    public InputStream read(AttachmentId id, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(pathOf(id), StandardOpenOption.READ);
            try {
                channel.position(offset);
                return new Bounded(Channels.newInputStream(channel), length);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new NotFoundException("attachment");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the content of attachment " + id + " failed", e);
        }
    }

    @Override
    public void delete(Collection<AttachmentId> ids) {
        List<Path> files = ids.stream().map(this::pathOf).toList();
        if (!files.isEmpty()) {
            transactions.afterCommit(() -> files.forEach(FileSystemBlobStore::deleteQuietly));
        }
    }

    /**
     * Up to {@code limit} ids whose file was last modified before {@code cutoff}. Successive calls walk on through
     * the store, one fan-out directory at a time, and start over once they reach its end: however many files have
     * metadata, repeated purges come to every file.
     */
    @Override
    public synchronized List<AttachmentId> storedBefore(Instant cutoff, int limit) {
        List<AttachmentId> found = new ArrayList<>();
        try {
            for (String fanOut : sortedNames(directory, FAN_OUT)) {
                if (fanOut.compareTo(walkedTo.isEmpty() ? "" : walkedTo.substring(0, 2)) < 0) {
                    continue;
                }
                for (String name : sortedNames(directory.resolve(fanOut), ID)) {
                    String key = fanOut + "/" + name;
                    if (key.compareTo(walkedTo) > 0
                            && Files.getLastModifiedTime(directory.resolve(key)).toInstant().isBefore(cutoff)) {
                        found.add(new AttachmentId(UUID.fromString(name)));
                        if (found.size() == limit) {
                            walkedTo = key;
                            return found;
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // deleted meanwhile: what was found stands, the next walk sees the rest
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("listing the file store failed", e);
        }
        walkedTo = "";
        return found;
    }

    /** The names in {@code parent} that match {@code pattern}, in order. */
    private static List<String> sortedNames(Path parent, Pattern pattern) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (pattern.matcher(name).matches()) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    Path pathOf(AttachmentId id) {
        String name = id.value().toString().toLowerCase(Locale.ROOT);
        return directory.resolve(name.substring(name.length() - 2)).resolve(name);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // what is left has no metadata: the purge of content without metadata finds it
        }
    }

    /** The next {@code remaining} bytes of a stream, which must have them. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read();
            if (read < 0) {
                throw endedEarly();
            }
            remaining--;
            return read;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return length == 0 ? 0 : -1;
            }
            int read = super.read(target, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw endedEarly();
            }
            remaining -= read;
            return read;
        }

        /** The file is shorter than its metadata says: a reader must not take what it got for the whole. */
        private IOException endedEarly() {
            return new IOException("the stored file ended " + remaining + " bytes early");
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(Math.min(count, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
