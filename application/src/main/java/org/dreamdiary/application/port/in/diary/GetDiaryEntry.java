package org.dreamdiary.application.port.in.diary;

import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.user.UserId;

public interface GetDiaryEntry {
    DiaryEntry entry(UserId owner, DiaryEntryId id);
}
