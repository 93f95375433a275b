package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.user.UserId;

/** Deletes a dream; its goals live on without it. */
public interface DeleteDream {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the dream is not at {@code expected} */
    void delete(UserId owner, DreamId id, ExpectedVersion expected);
}
