package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.persistence.contract.GeneratedContent.assertSameBytes;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.persistence.contract.BlobStoreContract;
import org.dreamdiary.persistence.contract.GeneratedContent;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The {@link BlobStoreContract} on PostgreSQL, and what only its tables show: chunk sizes and statements. */
class PostgresBlobStoreTest extends BlobStoreContract {
    private final StatementCounter statements = new StatementCounter();
    private final TestSchema schema = MigratedSchema.create();
    private final Jdbi jdbi = MigratedSchema.jdbi(schema);

    /** On a Jdbi of the test's own, whose statements it counts. */
    @Override
    protected Storage newStorage() {
        jdbi.setSqlLogger(statements);
        return PostgresStorage.open(jdbi, schema::connect, Optional.empty());
    }

    @Override
    protected void assertNothingLeftOf(AttachmentId id) {
        assertThat(chunks(id)).isZero();
    }

    private long chunks(AttachmentId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM blob_chunks WHERE blob_id = :id")
                .bind("id", id.value()).mapTo(Long.class).one());
    }

    @Test
    void givenContent_whenWritten_thenItLiesInChunksOfAQuarterMebibyteAndARest() {
        AttachmentId id = written(SIZE, 20);

        List<Integer> lengths = jdbi.withHandle(handle -> handle.createQuery("SELECT length(data) FROM blob_chunks"
                + " WHERE blob_id = :id ORDER BY seq").bind("id", id.value()).mapTo(Integer.class).list());
        assertThat(lengths).containsExactly(262_144, 262_144, 262_144, 1000);
    }

    @Test
    void givenTenMebibytes_whenRead_thenEachStatementFetchesAtMostOneMebibyteAndOnlyTheChunksOfTheRange()
            throws IOException {
        AttachmentId id = written(TEN_MIB, 21);

        statements.reset();
        assertSameBytes(blobs.read(id, 0, TEN_MIB), new GeneratedContent(TEN_MIB, 21));
        assertThat(statements.statements()).hasSize(10);

        statements.reset();
        assertSameBytes(blobs.read(id, TEN_MIB - 100, 100), new GeneratedContent(TEN_MIB, 21).from(TEN_MIB - 100, 100));
        assertThat(statements.statements()).hasSize(1);

        statements.reset();
        assertSameBytes(blobs.read(id, 1024 * 1024 - 1, 2), new GeneratedContent(TEN_MIB, 21).from(1024 * 1024 - 1, 2));
        assertThat(statements.statements()).hasSize(1);
    }

    @Test
    void givenAReadUnderWay_whenTheContentIsDeleted_thenTheRestOfTheReadFails() throws IOException {
        AttachmentId id = written(TEN_MIB, 22);

        try (InputStream in = blobs.read(id, 0, TEN_MIB)) {
            assertThat(in.readNBytes(1000)).hasSize(1000);
            transactions.inTransaction(() -> {
                blobs.delete(List.of(id));
                return null;
            });
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("deleted while it was read");
        }
    }

    @Test
    void givenContent_whenItsMetadataIsDeleted_thenTheChunksGoWithIt() {
        AttachmentId id = written(SIZE, 23);

        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM attachments WHERE id = :id").bind("id", id.value()).execute());

        assertThat(chunks(id)).isZero();
        assertThat(blobs.storedBefore(Instant.now(), 10)).isEmpty();
    }
}
