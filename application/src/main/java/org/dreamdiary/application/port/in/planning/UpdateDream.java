package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.planning.DreamView;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;

public interface UpdateDream {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the dream is not at {@code expected} */
    DreamView update(UserId owner, DreamId id, DreamChanges changes, ExpectedVersion expected);

    record DreamChanges(Change<Name> name, Change<Description> description, Change<List<UUID>> attachmentIds) {
    }
}
