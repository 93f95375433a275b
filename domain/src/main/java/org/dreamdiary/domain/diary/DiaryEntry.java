package org.dreamdiary.domain.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.HeldAttachments;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/**
 * A page of the champion's diary, with the owner's attachments in the owner's order. Its date may be today or earlier,
 * never in the future.
 */
public record DiaryEntry(DiaryEntryId id, UserId owner, LocalDate entryDate, DiaryTitle title, DiaryText text, Mood mood,
                         List<GoalId> goals, List<Attachment> attachments, Instant createdAt, Instant updatedAt,
                         long version) {
    public DiaryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(entryDate, "entryDate");
        Objects.requireNonNull(text, "text");
        goals = List.copyOf(goals);
        attachments = HeldAttachments.of(owner, attachments);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static DiaryEntry create(DiaryEntryId id, UserId owner, LocalDate entryDate, DiaryTitle title, DiaryText text,
                                    Mood mood, List<GoalId> goals, List<Attachment> attachments, LocalDate today,
                                    Instant now) {
        requireNotFuture(entryDate, today);
        return new DiaryEntry(id, owner, entryDate, title, text, mood, goals, attachments, now, now, 1);
    }

    public DiaryEntry edit(LocalDate newDate, DiaryTitle newTitle, DiaryText newText, Mood newMood, List<GoalId> newGoals,
                           List<Attachment> newAttachments, LocalDate today, Instant now) {
        requireNotFuture(newDate, today);
        return new DiaryEntry(id, owner, newDate, newTitle, newText, newMood, newGoals, newAttachments, createdAt, now,
                version + 1);
    }

    /** The rule behind {@code entry_date}: today (UTC) or earlier. */
    public static void requireNotFuture(LocalDate entryDate, LocalDate today) {
        if (entryDate.isAfter(today)) {
            throw new InvalidValueException("must not be in the future");
        }
    }
}
