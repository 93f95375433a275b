package org.dreamdiary.application.port.in.diary;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteDiaryEntry {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the entry does not meet {@code precondition} */
    void delete(UserId owner, DiaryEntryId id, Precondition<DiaryEntry> precondition);
}
