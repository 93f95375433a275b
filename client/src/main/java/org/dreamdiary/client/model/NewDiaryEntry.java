package org.dreamdiary.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A diary entry to write: its text (1–20,000 characters) and, optionally, its date (today in UTC when left out; never
 * in the future), a title (at most 200 characters), a mood from 1 to 5, the user's goals it is about and attachments.
 */
public record NewDiaryEntry(LocalDate entryDate, String title, String text, Integer mood, List<UUID> goalIds,
                            List<UUID> attachmentIds) {
    public NewDiaryEntry {
        Objects.requireNonNull(text, "text");
        goalIds = goalIds == null ? null : List.copyOf(goalIds);
        attachmentIds = attachmentIds == null ? null : List.copyOf(attachmentIds);
    }

    public static NewDiaryEntry saying(String text) {
        return new NewDiaryEntry(null, null, text, null, null, null);
    }

    public NewDiaryEntry on(LocalDate entryDate) {
        return new NewDiaryEntry(entryDate, title, text, mood, goalIds, attachmentIds);
    }

    public NewDiaryEntry withTitle(String title) {
        return new NewDiaryEntry(entryDate, title, text, mood, goalIds, attachmentIds);
    }

    public NewDiaryEntry withMood(int mood) {
        return new NewDiaryEntry(entryDate, title, text, mood, goalIds, attachmentIds);
    }

    public NewDiaryEntry withGoals(List<UUID> goalIds) {
        return new NewDiaryEntry(entryDate, title, text, mood, goalIds, attachmentIds);
    }

    public NewDiaryEntry withAttachments(List<UUID> attachmentIds) {
        return new NewDiaryEntry(entryDate, title, text, mood, goalIds, attachmentIds);
    }
}
