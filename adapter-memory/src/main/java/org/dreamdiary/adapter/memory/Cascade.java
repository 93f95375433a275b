package org.dreamdiary.adapter.memory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What else goes, or changes, when a row of one kind is deleted: the {@code ON DELETE CASCADE} and
 * {@code ON DELETE SET NULL} of the real schema. The table that deletes calls {@link #deleted} inside the same
 * transaction, so the followers' writes are undone with it.
 */
final class Cascade<K> {
    private final List<Consumer<K>> followers = new CopyOnWriteArrayList<>();

    /** {@code follower} hears of every row deleted from now on. */
    void then(Consumer<K> follower) {
        followers.add(follower);
    }

    void deleted(K key) {
        followers.forEach(follower -> follower.accept(key));
    }
}
