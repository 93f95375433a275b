package org.dreamdiary.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A change to a diary entry: each field is left unchanged, cleared or set (see {@link Field}). Only the title and the
 * mood can be cleared; setting the goals or the attachments replaces them all.
 */
public record DiaryEntryChanges(Field<LocalDate> entryDate, Field<String> title, Field<String> text,
                                Field<Integer> mood, Field<List<UUID>> goalIds, Field<List<UUID>> attachmentIds) {
    /** Changes nothing yet; add the fields to change. */
    public static DiaryEntryChanges none() {
        return new DiaryEntryChanges(Field.unchanged(), Field.unchanged(), Field.unchanged(), Field.unchanged(),
                Field.unchanged(), Field.unchanged());
    }

    public DiaryEntryChanges entryDate(LocalDate entryDate) {
        return new DiaryEntryChanges(Field.set(entryDate), title, text, mood, goalIds, attachmentIds);
    }

    public DiaryEntryChanges title(Field<String> title) {
        return new DiaryEntryChanges(entryDate, title, text, mood, goalIds, attachmentIds);
    }

    public DiaryEntryChanges text(String text) {
        return new DiaryEntryChanges(entryDate, title, Field.set(text), mood, goalIds, attachmentIds);
    }

    public DiaryEntryChanges mood(Field<Integer> mood) {
        return new DiaryEntryChanges(entryDate, title, text, mood, goalIds, attachmentIds);
    }

    public DiaryEntryChanges goalIds(List<UUID> goalIds) {
        return new DiaryEntryChanges(entryDate, title, text, mood, Field.set(List.copyOf(goalIds)), attachmentIds);
    }

    public DiaryEntryChanges attachmentIds(List<UUID> attachmentIds) {
        return new DiaryEntryChanges(entryDate, title, text, mood, goalIds, Field.set(List.copyOf(attachmentIds)));
    }
}
