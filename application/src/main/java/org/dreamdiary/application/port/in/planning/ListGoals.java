package org.dreamdiary.application.port.in.planning;

import java.time.LocalDate;
import java.util.Optional;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.user.UserId;

public interface ListGoals {
    /** Newest first, ties by id. A dream filter that names no dream of the owner is 404. */
    Page<GoalView> list(UserId owner, GoalQuery query, PageRequest page);

    record GoalQuery(Optional<GoalStatus> status, Optional<DreamId> dream, Optional<LocalDate> dueBefore) {
        public static GoalQuery ofDream(DreamId dream) {
            return new GoalQuery(Optional.empty(), Optional.of(dream), Optional.empty());
        }
    }
}
