package org.dreamdiary.application.port.in.diary;

import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteDiaryEntry {
    void delete(UserId owner, DiaryEntryId id);
}
