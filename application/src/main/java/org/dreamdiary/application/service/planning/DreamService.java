package org.dreamdiary.application.service.planning;

import java.util.List;
import java.util.OptionalLong;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.port.in.planning.CreateDream;
import org.dreamdiary.application.port.in.planning.DeleteDream;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.port.in.planning.GetDream;
import org.dreamdiary.application.port.in.planning.ListDreams;
import org.dreamdiary.application.port.in.planning.UpdateDream;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.user.UserId;

/** The dream use cases; each runs as one transaction. */
public final class DreamService implements CreateDream, GetDream, ListDreams, UpdateDream, DeleteDream {
    private final Dreams dreams;
    private final AttachmentReferences attachments;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public DreamService(Dreams dreams, AttachmentReferences attachments, Transactions transactions, Clock clock, Ids ids) {
        this.dreams = dreams;
        this.attachments = attachments;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public DreamView create(UserId owner, NewDream dream) {
        return transactions.inTransaction(() -> {
            Dream created = Dream.create(new DreamId(ids.next()), owner, dream.name(), dream.description(),
                    attachments.resolve(owner, dream.attachmentIds(), AttachmentReferences.ATTACHMENT_IDS), clock.now());
            dreams.add(created);
            return find(owner, created.id());
        });
    }

    @Override
    public DreamView dream(UserId owner, DreamId id) {
        return find(owner, id);
    }

    @Override
    public Page<DreamView> list(UserId owner, DreamQuery query, PageRequest page) {
        return dreams.list(owner, query, page);
    }

    @Override
    public DreamView update(UserId owner, DreamId id, DreamChanges changes, ExpectedVersion expected) {
        return transactions.inTransaction(() -> {
            Dream current = expected.checked(dreams.byId(owner, id), Dream::version, "dream");
            List<Attachment> held = attachments.afterChange(owner, changes.attachmentIds(), current.attachments());
            // the update requires the version just checked
            dreams.update(current.edit(changes.name().orElse(current.name()),
                    changes.description().orElse(current.description()), held, clock.now()));
            return find(owner, id);
        });
    }

    @Override
    public void delete(UserId owner, DreamId id, ExpectedVersion expected) {
        transactions.inTransaction(() -> {
            // the expected version goes into the delete itself: the dream is read only when it deletes nothing
            OptionalLong version = expected.versionToFind(() -> dreams.byId(owner, id), Dream::version, "dream");
            if (!dreams.delete(owner, id, version)) {
                throw expected.missed(dreams.byId(owner, id), "dream");
            }
            return null;
        });
    }

    private DreamView find(UserId owner, DreamId id) {
        return dreams.view(owner, id).orElseThrow(() -> new NotFoundException("dream"));
    }
}
