package org.dreamdiary.application.port.out.planning;

import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.user.UserId;

/** Storage of dreams; every read is scoped to the owner. */
public interface Dreams {
    void add(Dream dream);

    Optional<Dream> byId(UserId owner, DreamId id);

    /** The dream with what its goals make of it (count and status). */
    Optional<DreamView> view(UserId owner, DreamId id);

    Page<DreamView> list(UserId owner, DreamQuery query, PageRequest page);

    /** @throws org.dreamdiary.domain.error.StaleVersionException when it changed since {@code changed.version() - 1} */
    void update(Dream changed);

    /**
     * Its goals stay, without a dream.
     * Only at {@code expectedVersion} when one is given (empty: at any version); false when nothing was deleted.
     */
    boolean delete(UserId owner, DreamId id, OptionalLong expectedVersion);
}
