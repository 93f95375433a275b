package org.dreamdiary.adapter.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.user.UserId;

/**
 * Idempotency records in memory, each belonging to an account that exists. A key's lock is the store's: a
 * transaction holds the whole store until it ends, so no other transaction is running to hold the key, and a
 * second request with the key waits for the first to commit and then finds its record.
 */
final class MemoryIdempotencyRecords implements IdempotencyRecords {
    private record Key(UserId owner, IdempotencyKey key) {
    }

    private record Row(Key key, IdempotencyRecord record) {
    }

    private final MemoryTransactions transactions;
    private final Users users;
    private final Table<Key, Row> rows;

    MemoryIdempotencyRecords(MemoryTransactions transactions, Users users) {
        this.transactions = transactions;
        this.users = users;
        this.rows = new Table<>(transactions);
    }

    @Override
    public boolean tryLock(UserId owner, IdempotencyKey key) {
        return transactions.atomically(() -> true);
    }

    @Override
    public Optional<IdempotencyRecord> find(UserId owner, IdempotencyKey key, Instant notBefore) {
        return transactions.atomically(() -> rows.get(new Key(owner, key))
                .map(Row::record)
                .filter(record -> !record.createdAt().isBefore(notBefore)));
    }

    @Override
    public void save(UserId owner, IdempotencyKey key, IdempotencyRecord record) {
        transactions.atomically(() -> {
            if (users.byId(owner).isEmpty()) {
                throw new IllegalStateException("no account " + owner.value() + " to keep an idempotency record for");
            }
            Key row = new Key(owner, key);
            rows.put(row, new Row(row, record));
        });
    }

    @Override
    public int deleteMadeBefore(Instant before, int max) {
        return transactions.atomically(() -> {
            List<Row> old = rows.rows().stream()
                    .filter(row -> row.record().createdAt().isBefore(before))
                    .limit(max)
                    .toList();
            old.forEach(row -> rows.remove(row.key()));
            return old.size();
        });
    }

    /** The account's deletion: its records go with it. */
    void accountDeleted(UserId owner) {
        rows.rows().stream()
                .filter(row -> row.key().owner().equals(owner))
                .toList()
                .forEach(row -> rows.remove(row.key()));
    }
}
