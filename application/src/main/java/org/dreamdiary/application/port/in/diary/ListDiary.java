package org.dreamdiary.application.port.in.diary;

import java.time.LocalDate;
import java.util.Optional;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.user.UserId;

/** Newest entry date first, ties by id. */
public interface ListDiary {
    Page<DiaryEntry> list(UserId owner, DiaryQuery query, PageRequest page);

    /** {@code from} and {@code to} are inclusive; {@code text} is a full-text search of title and text. */
    record DiaryQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> text, Optional<Mood> mood) {
    }
}
