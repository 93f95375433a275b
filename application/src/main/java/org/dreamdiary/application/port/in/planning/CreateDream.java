package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.planning.DreamView;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;

public interface CreateDream {
    DreamView create(UserId owner, NewDream dream);

    /** {@code description} may be null. */
    record NewDream(Name name, Description description, List<UUID> attachmentIds) {
    }
}
