package org.dreamdiary.domain.planning;

/** What happened to a goal's tasks, as far as the goal's status cares. */
public enum TaskChange {
    ADDED, COMPLETED, REOPENED
}
