package org.dreamdiary.application.port.in.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

public interface UpdateDiaryEntry {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the entry is not at {@code expected} */
    DiaryEntry update(UserId owner, DiaryEntryId id, EntryChanges changes, ExpectedVersion expected);

    record EntryChanges(Change<LocalDate> entryDate, Change<DiaryTitle> title, Change<DiaryText> text, Change<Mood> mood,
                        Change<List<GoalId>> goals, Change<List<UUID>> attachmentIds) {
    }
}
