package org.dreamdiary.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A change to a task: each field is left unchanged, cleared or set (see {@link Field}). The text, done, position and
 * attachments cannot be cleared; setting the attachments replaces them all.
 */
public record TaskChanges(Field<String> text, Field<String> notes, Field<LocalDate> dueDate, Field<Boolean> done,
                          Field<Integer> position, Field<List<UUID>> attachmentIds) {
    /** Changes nothing yet; add the fields to change. */
    public static TaskChanges none() {
        return new TaskChanges(Field.unchanged(), Field.unchanged(), Field.unchanged(), Field.unchanged(),
                Field.unchanged(), Field.unchanged());
    }

    public TaskChanges text(String text) {
        return new TaskChanges(Field.set(text), notes, dueDate, done, position, attachmentIds);
    }

    public TaskChanges notes(Field<String> notes) {
        return new TaskChanges(text, notes, dueDate, done, position, attachmentIds);
    }

    public TaskChanges dueDate(Field<LocalDate> dueDate) {
        return new TaskChanges(text, notes, dueDate, done, position, attachmentIds);
    }

    /** Done sets {@code completedAt} (and may achieve the goal); not done clears it (and may reopen the goal). */
    public TaskChanges done(boolean done) {
        return new TaskChanges(text, notes, dueDate, Field.set(done), position, attachmentIds);
    }

    /** Moves the task to {@code position} (1 to the number of the goal's tasks); the others make room. */
    public TaskChanges position(int position) {
        return new TaskChanges(text, notes, dueDate, done, Field.set(position), attachmentIds);
    }

    public TaskChanges attachmentIds(List<UUID> attachmentIds) {
        return new TaskChanges(text, notes, dueDate, done, position, Field.set(List.copyOf(attachmentIds)));
    }
}
