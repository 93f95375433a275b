package org.dreamdiary.application.port.in.planning;

import java.util.Optional;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.user.UserId;

public interface ListDreams {
    Page<DreamView> list(UserId owner, DreamQuery query, PageRequest page);

    /** {@code text} is a full-text search of name and description, in Russian and English. */
    record DreamQuery(Optional<DreamStatus> status, Optional<String> text, DreamSort sort) {
    }

    /** Every order breaks ties by id, so pages are stable. */
    enum DreamSort { CREATED_ASC, CREATED_DESC, NAME_ASC, NAME_DESC }
}
