package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.persistence.contract.BlobStoreContract;
import org.dreamdiary.persistence.contract.GeneratedContent;
import org.dreamdiary.testsupport.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link BlobStoreContract} on the file system (the storage on PostgreSQL with a blob directory), and what only
 * its files show: names, leftovers, the walk.
 */
class FileSystemBlobStoreTest extends BlobStoreContract {
    @TempDir
    static Path directory;

    @Override
    protected Storage newStorage() {
        TestSchema schema = MigratedSchema.create();
        return PostgresStorage.open(MigratedSchema.jdbi(schema), schema::connect, Optional.of(directory));
    }

    @Override
    protected void assertNothingLeftOf(AttachmentId id) {
        assertThat(filesNamedFor(directory, id)).isEmpty();
    }

    /** An id for a store of a test's own, which keeps no metadata. */
    private static AttachmentId newId() {
        return new AttachmentId(UUID.randomUUID());
    }

    private static List<Path> filesNamedFor(Path root, AttachmentId id) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().startsWith(id.toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void givenContentWritten_whenLookedFor_thenItIsOneFileUnderItsIdFannedOutByItsLastDigits() throws IOException {
        AttachmentId id = written(SIZE, 30);

        String name = id.toString();
        Path expected = directory.resolve(name.substring(34)).resolve(name);
        assertThat(filesNamedFor(directory, id)).containsExactly(expected);
        assertThat(Files.size(expected)).isEqualTo(SIZE);
    }

    @Test
    void givenLeftoversOfWritesACrashInterrupted_whenAStoreStarts_thenThoseOlderThanAnHourGo(@TempDir Path own)
            throws IOException {
        Path temporary = Files.createDirectories(own.resolve("tmp"));
        Path abandoned = Files.writeString(temporary.resolve(UUID.randomUUID() + "-1.part"), "half");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
        Path running = Files.writeString(temporary.resolve(UUID.randomUUID() + "-2.part"), "writing");

        new FileSystemBlobStore(own, transactions);

        assertThat(abandoned).doesNotExist();
        assertThat(running).exists();
    }

    @Test
    void givenFilesOldAndNew_whenAskedForThoseStoredBefore_thenSuccessiveCallsWalkThroughTheOldOnesAndStartOver(
            @TempDir Path own) {
        FileSystemBlobStore files = new FileSystemBlobStore(own, transactions);
        Set<AttachmentId> old = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            AttachmentId id = newId();
            transactions.inTransaction(() -> files.write(id, new GeneratedContent(10, 31)));
            setModified(files.pathOf(id), Instant.now().minus(Duration.ofHours(2)));
            old.add(id);
        }
        AttachmentId recent = newId();
        transactions.inTransaction(() -> files.write(recent, new GeneratedContent(10, 32)));
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));

        List<AttachmentId> walked = new ArrayList<>();
        List<AttachmentId> first = files.storedBefore(cutoff, 2);
        List<AttachmentId> second = files.storedBefore(cutoff, 2);
        List<AttachmentId> third = files.storedBefore(cutoff, 2);
        walked.addAll(first);
        walked.addAll(second);
        walked.addAll(third);
        List<AttachmentId> again = files.storedBefore(cutoff, 2);

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(third).hasSize(1);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(old);
        assertThat(again).isEqualTo(first);
    }

    private static void setModified(Path file, Instant when) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(when));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void givenAFileShorterThanTheRangeAsked_whenRead_thenTheReadFailsInsteadOfEndingEarly() throws IOException {
        AttachmentId id = written(100, 33);

        try (InputStream in = blobs.read(id, 50, 60)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("ended 10 bytes early");
        }
    }
}
