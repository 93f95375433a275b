package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.user.UserId;

/** The owner's tasks across all goals, by due date (undated last) then position. */
public interface ListAgenda {
    Page<TaskView> agenda(UserId owner, AgendaQuery query, PageRequest page);

}
