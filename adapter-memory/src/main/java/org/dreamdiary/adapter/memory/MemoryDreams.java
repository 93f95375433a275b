package org.dreamdiary.adapter.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.user.UserId;

/**
 * Dreams in memory, each read with the count and status its goals give it at that moment. Names sort ignoring case,
 * character by character, as PostgreSQL's {@code lower(name)} sorts under the C collation.
 */
final class MemoryDreams implements Dreams {
    private static final Comparator<Dream> BY_CREATION = Comparator.comparing(Dream::createdAt);
    private static final Comparator<Dream> BY_NAME =
            Comparator.comparing(dream -> dream.name().value().toLowerCase(Locale.ROOT));
    private static final Comparator<Dream> BY_ID = Comparator.comparing(dream -> dream.id().value(), Uuids.ORDER);

    private final MemoryTransactions transactions;
    private final Table<DreamId, Dream> dreams;
    private final MemoryGoals goals;
    private final Cascade<DreamId> deleted = new Cascade<>();

    MemoryDreams(MemoryTransactions transactions, MemoryGoals goals) {
        this.transactions = transactions;
        this.dreams = new Table<>(transactions);
        this.goals = goals;
    }

    /** Where the deletion of a dream goes on to its goals. */
    Cascade<DreamId> deleted() {
        return deleted;
    }

    @Override
    public void add(Dream dream) {
        transactions.atomically(() -> {
            if (dreams.contains(dream.id())) {
                throw new IllegalStateException("dream " + dream.id() + " exists already");
            }
            dreams.put(dream.id(), dream);
        });
    }

    @Override
    public Optional<Dream> byId(UserId owner, DreamId id) {
        return transactions.atomically(() -> owned(owner, id));
    }

    @Override
    public Optional<DreamView> view(UserId owner, DreamId id) {
        return transactions.atomically(() -> owned(owner, id).map(dream -> view(dream, goals.ofDream(dream.id()))));
    }

    @Override
    public Page<DreamView> list(UserId owner, DreamQuery query, PageRequest page) {
        Optional<TextSearch.Query> search = query.text().map(TextSearch::query);
        Comparator<Dream> order = switch (query.sort()) {
            case CREATED_ASC -> BY_CREATION.thenComparing(BY_ID);
            case CREATED_DESC -> BY_CREATION.thenComparing(BY_ID).reversed();
            case NAME_ASC -> BY_NAME.thenComparing(BY_ID);
            case NAME_DESC -> BY_NAME.thenComparing(BY_ID).reversed();
        };
        return transactions.atomically(() -> {
            Map<DreamId, List<Goal>> goalsOfDreams = goals.byDream(owner);
            return Pages.of(dreams.rows().stream()
                    .filter(dream -> dream.owner().equals(owner))
                    .filter(dream -> search.map(text -> text.matches(dream.name().value(),
                            dream.description() == null ? "" : dream.description().value())).orElse(true))
                    .map(dream -> view(dream, goalsOfDreams.getOrDefault(dream.id(), List.of())))
                    .filter(view -> query.status().map(status -> view.status() == status).orElse(true))
                    .sorted(Comparator.comparing(DreamView::dream, order)), page);
        });
    }

    @Override
    public void update(Dream changed) {
        transactions.atomically(() -> {
            Dream stored = owned(changed.owner(), changed.id()).orElse(null);
            if (stored == null || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the dream");
            }
            dreams.put(changed.id(), changed);
        });
    }

    @Override
    public boolean delete(UserId owner, DreamId id, OptionalLong expectedVersion) {
        return transactions.atomically(() -> {
            Optional<Dream> stored = owned(owner, id)
                    .filter(dream -> VersionCondition.allows(expectedVersion, dream.version()));
            stored.ifPresent(dream -> remove(dream.id()));
            return stored.isPresent();
        });
    }

    /** What a deleted account takes with it: its dreams. */
    void deleteOwnedBy(UserId owner) {
        dreams.rows().stream().filter(dream -> dream.owner().equals(owner)).map(Dream::id).toList().forEach(this::remove);
    }

    /** What a deleted attachment takes with it: its place in every dream holding it, each of which gets a new version. */
    void detach(AttachmentId attachment) {
        for (Dream dream : List.copyOf(dreams.rows())) {
            Held.without(dream.attachments(), attachment).ifPresent(kept -> dreams.put(dream.id(), new Dream(dream.id(),
                    dream.owner(), dream.name(), dream.description(), kept, dream.createdAt(), dream.updatedAt(),
                    dream.version() + 1)));
        }
    }

    private void remove(DreamId id) {
        dreams.remove(id);
        deleted.deleted(id);
    }

    private Optional<Dream> owned(UserId owner, DreamId id) {
        return dreams.get(id).filter(dream -> dream.owner().equals(owner));
    }

    private static DreamView view(Dream dream, List<Goal> goals) {
        return new DreamView(dream, goals.size(), DreamStatus.of(goals.stream().map(Goal::status).toList()));
    }
}
