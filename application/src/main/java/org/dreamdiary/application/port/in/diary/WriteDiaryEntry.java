package org.dreamdiary.application.port.in.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

public interface WriteDiaryEntry {
    /** {@code entryDate} null means today (UTC); {@code title} and {@code mood} may be null. */
    DiaryEntry write(UserId owner, NewEntry entry);

    record NewEntry(LocalDate entryDate, DiaryTitle title, DiaryText text, Mood mood, List<GoalId> goals,
                    List<UUID> attachmentIds) {
    }
}
