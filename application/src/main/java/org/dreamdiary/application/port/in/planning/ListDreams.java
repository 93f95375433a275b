package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.domain.user.UserId;

public interface ListDreams {
    Page<DreamView> list(UserId owner, DreamQuery query, PageRequest page);

}
