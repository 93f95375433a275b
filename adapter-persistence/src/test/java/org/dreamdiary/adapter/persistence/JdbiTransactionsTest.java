package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One use case, one transaction: everything written inside commits together or not at all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiTransactionsTest {
    private Jdbi jdbi;
    private JdbiTransactions transactions;

    @BeforeAll
    void connect() {
        TestSchema schema = TestDatabase.freshSchema();
        jdbi = Jdbi.create(schema.jdbcUrl(), schema.user(), schema.password());
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE entries (label text NOT NULL)"));
        transactions = new JdbiTransactions(jdbi);
    }

    private void insert(String label) {
        // the way an adapter writes: through Jdbi, not through the handle of the transaction
        jdbi.useHandle(handle -> handle.execute("INSERT INTO entries (label) VALUES (?)", label));
    }

    private List<String> labels(String prefix) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT label FROM entries WHERE label LIKE :p ORDER BY label")
                .bind("p", prefix + "%").mapTo(String.class).list());
    }

    @Test
    void givenAThread_whenAskedWhetherATransactionIsInProgress_thenOnlyInsideOneAndWithoutOpeningAConnectionOutside() {
        assertThat(transactions.inProgress()).isFalse();
        assertThat(transactions.inTransaction(transactions::inProgress)).isTrue();
        assertThat(jdbi.<Boolean, RuntimeException>withHandle(handle -> transactions.inProgress())).as("a handle, but no transaction").isFalse();
        assertThat(transactions.inProgress()).isFalse();
    }

    @Test
    void givenTwoWrites_whenTheUseCaseSucceeds_thenBothAreCommitted() {
        String result = transactions.inTransaction(() -> {
            insert("ok-1");
            insert("ok-2");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(labels("ok-")).containsExactly("ok-1", "ok-2");
    }

    @Test
    void givenAFailureAfterTheFirstWrite_whenTheUseCaseFails_thenNothingIsLeftHalfWritten() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            insert("half-1");
            throw new IllegalStateException("the second step failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the second step failed");
        assertThat(labels("half-")).isEmpty();
    }

    @Test
    void givenWritesInsideTheTransaction_whenAnotherConnectionLooks_thenItSeesNothingBeforeTheCommit() {
        transactions.inTransaction(() -> {
            insert("hidden-1");
            List<String> seenElsewhere = new java.util.ArrayList<>();
            Thread other = new Thread(() -> seenElsewhere.addAll(labels("hidden-")));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(seenElsewhere).isEmpty();
            return null;
        });
        assertThat(labels("hidden-")).containsExactly("hidden-1");
    }
}
