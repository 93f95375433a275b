package org.dreamdiary.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.port.out.user.Attempts;

/**
 * Attempts in memory, one row per key holding the times of its attempts in the window, oldest first. The store's
 * one lock makes deciding and recording one step, so concurrent attempts cannot together pass the limit.
 */
final class MemoryAttempts implements Attempts {
    private record Key(Scope scope, String key) {
    }

    /** The times of the key's attempts, oldest first; those that left the window go when the next is recorded. */
    private record Row(Key key, List<Instant> times) {
        Optional<Instant> latest() {
            return times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1));
        }
    }

    private final MemoryTransactions transactions;
    private final Table<Key, Row> rows;

    MemoryAttempts(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.rows = new Table<>(transactions);
    }

    @Override
    public Optional<Instant> reserve(Quota quota, Instant now) {
        Key key = new Key(quota.scope(), quota.key());
        Instant since = now.minus(quota.window());
        return transactions.atomically(() -> {
            List<Instant> inWindow = new ArrayList<>(rows.get(key).map(Row::times).orElse(List.of()).stream()
                    .filter(at -> at.isAfter(since))
                    .toList());
            if (inWindow.size() >= quota.limit()) {
                return Optional.of(inWindow.stream().findFirst().orElse(now).plus(quota.window()));
            }
            inWindow.add(now);
            inWindow.sort(null);
            rows.put(key, new Row(key, List.copyOf(inWindow)));
            return Optional.<Instant>empty();
        });
    }

    /** Removes one entry equal to {@code at}: another attempt may share its instant and must stay. */
    @Override
    public void release(Scope scope, String key, Instant at) {
        Key row = new Key(scope, key);
        transactions.atomically(() -> rows.get(row).filter(stored -> stored.times().contains(at)).ifPresent(stored -> {
            List<Instant> left = new ArrayList<>(stored.times());
            left.remove(at);
            rows.put(row, new Row(row, List.copyOf(left)));
        }));
    }

    @Override
    public void clear(Scope scope, String key) {
        transactions.atomically(() -> rows.remove(new Key(scope, key)));
    }

    /** A key whose every attempt was released has no latest attempt, and goes too. */
    @Override
    public int forgetOlderThan(Instant horizon, int max) {
        return transactions.atomically(() -> {
            List<Row> old = rows.rows().stream()
                    .filter(row -> row.latest().map(latest -> latest.isBefore(horizon)).orElse(true))
                    .limit(max)
                    .toList();
            old.forEach(row -> rows.remove(row.key()));
            return old.size();
        });
    }
}
