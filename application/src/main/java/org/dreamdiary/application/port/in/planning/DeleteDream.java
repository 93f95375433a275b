package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.user.UserId;

/** Deletes a dream; its goals live on without it. */
public interface DeleteDream {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the dream does not meet {@code precondition} */
    void delete(UserId owner, DreamId id, Precondition<DreamView> precondition);
}
