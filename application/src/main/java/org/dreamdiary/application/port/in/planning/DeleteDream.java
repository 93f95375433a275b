package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.user.UserId;

/** Deletes a dream; its goals live on without it. */
public interface DeleteDream {
    void delete(UserId owner, DreamId id);
}
