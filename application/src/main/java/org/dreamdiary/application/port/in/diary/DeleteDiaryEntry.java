package org.dreamdiary.application.port.in.diary;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteDiaryEntry {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the entry is not at {@code expected} */
    void delete(UserId owner, DiaryEntryId id, ExpectedVersion expected);
}
