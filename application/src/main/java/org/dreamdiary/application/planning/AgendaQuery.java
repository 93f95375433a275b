package org.dreamdiary.application.planning;

import java.time.LocalDate;
import java.util.Optional;

/** Which of the owner's tasks the agenda shows. */
public record AgendaQuery(Optional<Boolean> done, Optional<LocalDate> dueBefore, Optional<Boolean> overdue) {
}
