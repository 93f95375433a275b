package org.dreamdiary.application.planning;

import java.time.LocalDate;
import org.dreamdiary.domain.planning.Task;

/** A task as its owner sees it: whether it is overdue is decided by the service's clock, never the reader's. */
public record TaskView(Task task, boolean overdue) {
    public static TaskView of(Task task, LocalDate today) {
        return new TaskView(task, task.overdue(today));
    }
}
