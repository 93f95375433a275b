package org.dreamdiary.application.planning;

import java.time.LocalDate;
import java.util.Optional;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.GoalStatus;

/** Which goals to list. */
public record GoalQuery(Optional<GoalStatus> status, Optional<DreamId> dream, Optional<LocalDate> dueBefore) {
    public static GoalQuery ofDream(DreamId dream) {
        return new GoalQuery(Optional.empty(), Optional.of(dream), Optional.empty());
    }
}
