package org.dreamdiary.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A task to add at the end of a goal: its text (1–1000 characters), optionally notes, a due date and attachments.
 */
public record NewTask(String text, String notes, LocalDate dueDate, List<UUID> attachmentIds) {
    public NewTask {
        Objects.requireNonNull(text, "text");
        attachmentIds = attachmentIds == null ? null : List.copyOf(attachmentIds);
    }

    public static NewTask of(String text) {
        return new NewTask(text, null, null, null);
    }

    public NewTask withNotes(String notes) {
        return new NewTask(text, notes, dueDate, attachmentIds);
    }

    public NewTask withDueDate(LocalDate dueDate) {
        return new NewTask(text, notes, dueDate, attachmentIds);
    }

    public NewTask withAttachments(List<UUID> attachmentIds) {
        return new NewTask(text, notes, dueDate, attachmentIds);
    }
}
