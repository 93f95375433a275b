package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.persistence.contract.TransactionsContract;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The {@link TransactionsContract} on PostgreSQL, and what only JDBI shows: asking whether a transaction is in
 * progress opens no connection, and a handle without a transaction is not one.
 */
class JdbiTransactionsTest extends TransactionsContract {
    private final TestSchema schema = MigratedSchema.create();
    private final Jdbi jdbi = MigratedSchema.jdbi(schema);

    @Override
    protected Storage newStorage() {
        return MigratedStorage.on(schema);
    }

    @Test
    void givenAHandleWithoutATransaction_whenAskedWhetherATransactionIsInProgress_thenNot() {
        Transactions transactions = new JdbiTransactions(jdbi);

        assertThat(jdbi.<Boolean, RuntimeException>withHandle(handle -> transactions.inProgress()))
                .as("a handle, but no transaction").isFalse();
        assertThat(transactions.inProgress()).isFalse();
    }
}
