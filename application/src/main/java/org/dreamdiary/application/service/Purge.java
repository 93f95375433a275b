package org.dreamdiary.application.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dreamdiary.application.port.out.Clock;

/**
 * Deletes what has expired, one task per kind of record (sessions, refresh tokens, attempts, request counts, ...).
 * Each statement deletes a bounded batch, so no purge holds many locks for long; a task runs again while it
 * deletes full batches. Run on a schedule by the composition root.
 */
public final class Purge {
    static final int BATCH = 1000;
    /** Bounds one run: what is left waits for the next. */
    static final int MAX_BATCHES = 100;
    private static final System.Logger LOG = System.getLogger(Purge.class.getName());

    private final List<Task> tasks;
    private final Clock clock;

    public Purge(List<Task> tasks, Clock clock) {
        this.tasks = List.copyOf(tasks);
        this.clock = clock;
    }

    /** Runs every task; one that fails does not keep the others from running. How many records each deleted. */
    public Map<String, Integer> runOnce() {
        Instant now = clock.now();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Task task : tasks) {
            int total = 0;
            try {
                for (int batch = 0; batch < MAX_BATCHES; batch++) {
                    int gone = task.deletion().delete(now, BATCH);
                    total += gone;
                    if (gone < BATCH) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "purging " + task.name() + " failed; trying again next time", e);
            }
            deleted.put(task.name(), total);
        }
        return deleted;
    }

    /** What one task deletes: up to {@code max} records that have expired by {@code now}; how many went. */
    @FunctionalInterface
    public interface Deletion {
        int delete(Instant now, int max);
    }

    public record Task(String name, Deletion deletion) {
    }
}
