package org.dreamdiary.domain.planning;

import java.util.Collection;

/** Where a dream stands, derived from its goals, never set by hand. */
public enum DreamStatus {
    DREAMING, PURSUING, ACHIEVED;

    /**
     * No goal, or all abandoned: dreaming. Any goal active: pursuing. Otherwise (at least one achieved and
     * none active): achieved.
     */
    public static DreamStatus of(Collection<GoalStatus> goals) {
        if (goals.contains(GoalStatus.ACTIVE)) {
            return PURSUING;
        }
        if (goals.contains(GoalStatus.ACHIEVED)) {
            return ACHIEVED;
        }
        return DREAMING;
    }

    /** The same rule from counts, as storage aggregates them. */
    public static DreamStatus of(long activeGoals, long achievedGoals) {
        if (activeGoals > 0) {
            return PURSUING;
        }
        return achievedGoals > 0 ? ACHIEVED : DREAMING;
    }
}
