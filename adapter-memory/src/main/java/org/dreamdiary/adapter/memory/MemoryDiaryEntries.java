package org.dreamdiary.adapter.memory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.diary.MonthCount;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** Diary entries in memory, with their goal links, and the totals the statistics are made from. */
final class MemoryDiaryEntries implements DiaryEntries {
    private static final Comparator<DiaryEntry> NEWEST_FIRST = Comparator.comparing(DiaryEntry::entryDate)
            .thenComparing(entry -> entry.id().value(), Uuids.ORDER).reversed();

    private final MemoryTransactions transactions;
    private final Table<DiaryEntryId, DiaryEntry> entries;

    MemoryDiaryEntries(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.entries = new Table<>(transactions);
    }

    @Override
    public void add(DiaryEntry entry) {
        transactions.atomically(() -> {
            if (entries.contains(entry.id())) {
                throw new IllegalStateException("diary entry " + entry.id() + " exists already");
            }
            entries.put(entry.id(), entry);
        });
    }

    @Override
    public Optional<DiaryEntry> byId(UserId owner, DiaryEntryId id) {
        return transactions.atomically(() -> owned(owner, id));
    }

    @Override
    public Page<DiaryEntry> list(UserId owner, DiaryQuery query, PageRequest page) {
        Optional<TextSearch.Query> search = query.text().map(TextSearch::query);
        return transactions.atomically(() -> Pages.of(ofOwner(owner).stream()
                .filter(entry -> query.from().map(from -> !entry.entryDate().isBefore(from)).orElse(true))
                .filter(entry -> query.to().map(to -> !entry.entryDate().isAfter(to)).orElse(true))
                .filter(entry -> query.mood().map(mood -> mood.equals(entry.mood())).orElse(true))
                .filter(entry -> search.map(text -> text.matches(entry.title() == null ? "" : entry.title().value(),
                        entry.text().value())).orElse(true))
                .sorted(NEWEST_FIRST), page));
    }

    @Override
    public void update(DiaryEntry changed) {
        transactions.atomically(() -> {
            DiaryEntry stored = owned(changed.owner(), changed.id()).orElse(null);
            if (stored == null || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the diary entry");
            }
            entries.put(changed.id(), changed);
        });
    }

    @Override
    public boolean delete(UserId owner, DiaryEntryId id, OptionalLong expectedVersion) {
        return transactions.atomically(() -> {
            Optional<DiaryEntry> stored = owned(owner, id)
                    .filter(entry -> VersionCondition.allows(expectedVersion, entry.version()));
            stored.ifPresent(entry -> entries.remove(entry.id()));
            return stored.isPresent();
        });
    }

    /** The days in calendar order, the months too; the average mood over the entries that have one. */
    @Override
    public Totals totals(UserId owner) {
        return transactions.atomically(() -> {
            List<DiaryEntry> ofOwner = ofOwner(owner);
            OptionalDouble averageMood = ofOwner.stream().filter(entry -> entry.mood() != null)
                    .mapToInt(entry -> entry.mood().value()).average();
            TreeSet<LocalDate> days = ofOwner.stream().map(DiaryEntry::entryDate)
                    .collect(Collectors.toCollection(TreeSet::new));
            List<MonthCount> months = ofOwner.stream()
                    .collect(Collectors.groupingBy(entry -> YearMonth.from(entry.entryDate()), TreeMap::new,
                            Collectors.counting()))
                    .entrySet().stream().map(month -> new MonthCount(month.getKey(), month.getValue())).toList();
            return new Totals(ofOwner.size(), averageMood, days, months);
        });
    }

    /** What a deleted goal takes with it: its links; the entries stay, at their versions. */
    void unlinkGoal(GoalId goal) {
        for (DiaryEntry entry : List.copyOf(entries.rows())) {
            if (entry.goals().contains(goal)) {
                entries.put(entry.id(), new DiaryEntry(entry.id(), entry.owner(), entry.entryDate(), entry.title(),
                        entry.text(), entry.mood(), entry.goals().stream().filter(linked -> !linked.equals(goal)).toList(),
                        entry.attachments(), entry.createdAt(), entry.updatedAt(), entry.version()));
            }
        }
    }

    /** What a deleted account takes with it: its entries. */
    void deleteOwnedBy(UserId owner) {
        ofOwner(owner).forEach(entry -> entries.remove(entry.id()));
    }

    /** What a deleted attachment takes with it: its place in every entry holding it, each of which gets a new version. */
    void detach(AttachmentId attachment) {
        for (DiaryEntry entry : List.copyOf(entries.rows())) {
            Held.without(entry.attachments(), attachment).ifPresent(kept -> entries.put(entry.id(), new DiaryEntry(
                    entry.id(), entry.owner(), entry.entryDate(), entry.title(), entry.text(), entry.mood(), entry.goals(),
                    kept, entry.createdAt(), entry.updatedAt(), entry.version() + 1)));
        }
    }

    private Optional<DiaryEntry> owned(UserId owner, DiaryEntryId id) {
        return entries.get(id).filter(entry -> entry.owner().equals(owner));
    }

    /** The owner's entries, a copy that the caller may write through. */
    private List<DiaryEntry> ofOwner(UserId owner) {
        return entries.rows().stream().filter(entry -> entry.owner().equals(owner)).toList();
    }
}
