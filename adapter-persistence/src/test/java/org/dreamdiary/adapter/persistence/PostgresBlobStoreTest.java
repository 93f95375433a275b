package org.dreamdiary.adapter.persistence;

import org.dreamdiary.persistence.contract.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.junit.jupiter.api.Test;

/** The {@link BlobStoreContract} on PostgreSQL, and what only its tables show: chunk sizes and statements. */
class PostgresBlobStoreTest extends BlobStoreContract {
    private final StatementCounter statements = new StatementCounter();
    private final UUID owner = UUID.randomUUID();

    @Override
    protected BlobStore store() {
        jdbi.setSqlLogger(statements);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO users (id, username, password_hash, created_at, updated_at)"
                + " VALUES (:id, :name, 'hash', now(), now())").bind("id", owner).bind("name", TestUsers.unique("blobs")).execute());
        return new PostgresBlobStore(jdbi);
    }

    /** The metadata row the chunks hang on by their foreign key, committed. */
    @Override
    protected AttachmentId preparedId() {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO attachments (id, owner_id, kind, content_type, size_bytes,"
                        + " sha256, created_at) VALUES (:id, :owner, 'file', 'application/pdf', 1, repeat('0', 64), now())")
                .bind("id", id).bind("owner", owner).execute());
        return new AttachmentId(id);
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
        assertSameBytes(store.read(id, 0, TEN_MIB), new Generated(TEN_MIB, 21));
        assertThat(statements.statements()).hasSize(10);

        statements.reset();
        assertSameBytes(store.read(id, TEN_MIB - 100, 100), new Generated(TEN_MIB, 21).from(TEN_MIB - 100, 100));
        assertThat(statements.statements()).hasSize(1);

        statements.reset();
        assertSameBytes(store.read(id, 1024 * 1024 - 1, 2), new Generated(TEN_MIB, 21).from(1024 * 1024 - 1, 2));
        assertThat(statements.statements()).hasSize(1);
    }

    @Test
    void givenAReadUnderWay_whenTheContentIsDeleted_thenTheRestOfTheReadFails() throws IOException {
        AttachmentId id = written(TEN_MIB, 22);

        try (InputStream in = store.read(id, 0, TEN_MIB)) {
            assertThat(in.readNBytes(1000)).hasSize(1000);
            transactions.inTransaction(() -> {
                store.delete(List.of(id));
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
        assertThat(store.storedBefore(Instant.now(), 10)).isEmpty();
    }
}
