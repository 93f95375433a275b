package org.dreamdiary.domain.planning;

/**
 * How a goal's status follows its tasks: completing the last open task of an active goal achieves it; reopening
 * a task of, or adding one to, an achieved goal makes it active again; an abandoned goal stays abandoned until
 * the user sets another status.
 */
public final class GoalRules {
    private GoalRules() {
    }

    /** The goal's status after {@code change}, given how many of its tasks are open afterwards. Deleting a task changes nothing. */
    public static GoalStatus afterTaskChange(GoalStatus current, TaskChange change, long openTasksAfter) {
        return switch (current) {
            case ABANDONED -> GoalStatus.ABANDONED;
            case ACTIVE -> change == TaskChange.COMPLETED && openTasksAfter == 0 ? GoalStatus.ACHIEVED : GoalStatus.ACTIVE;
            case ACHIEVED -> change == TaskChange.REOPENED || change == TaskChange.ADDED ? GoalStatus.ACTIVE : GoalStatus.ACHIEVED;
        };
    }
}
