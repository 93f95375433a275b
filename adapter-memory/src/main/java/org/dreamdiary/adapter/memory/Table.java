package org.dreamdiary.adapter.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one kind, by key, in the order they were first written. Its writes record their undo in the current
 * transaction, so it is used only inside {@link MemoryTransactions#atomically}, whose lock also guards it.
 */
final class Table<K, V> {
    private final Map<K, V> rows = new LinkedHashMap<>();
    private final MemoryTransactions transactions;

    Table(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    Optional<V> get(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    /** Every row, oldest written first; a view, not to be kept beyond the transaction. */
    Collection<V> rows() {
        return Collections.unmodifiableCollection(rows.values());
    }

    void put(K key, V value) {
        V before = rows.put(key, value);
        transactions.undo(() -> restore(key, before));
    }

    /** The row that was there, now gone. */
    Optional<V> remove(K key) {
        V before = rows.remove(key);
        if (before != null) {
            transactions.undo(() -> rows.put(key, before));
        }
        return Optional.ofNullable(before);
    }

    private void restore(K key, V before) {
        if (before == null) {
            rows.remove(key);
        } else {
            rows.put(key, before);
        }
    }
}
