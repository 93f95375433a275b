package org.dreamdiary.domain.planning;

public enum GoalStatus {
    ACTIVE, ACHIEVED, ABANDONED
}
