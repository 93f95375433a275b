package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.user.UserId;

public interface GetDream {
    /** @throws org.dreamdiary.domain.error.NotFoundException when it is not one of the owner's dreams */
    DreamView dream(UserId owner, DreamId id);
}
