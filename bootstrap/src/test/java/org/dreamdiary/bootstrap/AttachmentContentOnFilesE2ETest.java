package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The same content tests with {@code BLOB_STORE=files}: the bytes live under the data directory, not in the database. */
class AttachmentContentOnFilesE2ETest extends AttachmentContentE2ETest {
    @Override
    protected Map<String, String> environment() {
        return Map.of("BLOB_STORE", "files");
    }

    @Test
    void givenTheFileStore_whenFilesAreUploaded_thenTheirBytesAreOnDiskAndNoneInTheDatabase() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.walk(service.dataDir().resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isPositive();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (var connection = service.schema().connect(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM blob_chunks")) {
            result.next();
            assertThat(result.getLong(1)).isZero();
        }
    }
}
