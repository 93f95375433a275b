package org.dreamdiary.application.port.in.diary;

import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.user.UserId;

/** Newest entry date first, ties by id. */
public interface ListDiary {
    Page<DiaryEntry> list(UserId owner, DiaryQuery query, PageRequest page);

}
