package org.dreamdiary.application.diary;

import java.time.LocalDate;
import java.util.Optional;
import org.dreamdiary.domain.diary.Mood;

/** Which entries to list: {@code from} and {@code to} inclusive; {@code text} searches title and text. */
public record DiaryQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> text, Optional<Mood> mood) {
}
