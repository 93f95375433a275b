package org.dreamdiary.application.planning;

import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.Progress;

/** A goal as its owner sees it: with the progress of its tasks. */
public record GoalView(Goal goal, Progress progress) {
}
