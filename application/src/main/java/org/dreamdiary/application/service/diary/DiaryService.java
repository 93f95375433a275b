package org.dreamdiary.application.service.diary;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.diary.DeleteDiaryEntry;
import org.dreamdiary.application.port.in.diary.DiaryStatistics;
import org.dreamdiary.application.port.in.diary.GetDiaryEntry;
import org.dreamdiary.application.port.in.diary.ListDiary;
import org.dreamdiary.application.port.in.diary.UpdateDiaryEntry;
import org.dreamdiary.application.port.in.diary.WriteDiaryEntry;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.application.port.out.diary.DiaryEntries.Totals;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryStreaks;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** The diary use cases; each runs as one transaction. */
public final class DiaryService implements WriteDiaryEntry, GetDiaryEntry, ListDiary, UpdateDiaryEntry, DeleteDiaryEntry,
        DiaryStatistics {
    private final DiaryEntries entries;
    private final Goals goals;
    private final AttachmentReferences attachments;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public DiaryService(DiaryEntries entries, Goals goals, AttachmentReferences attachments, Transactions transactions,
                        Clock clock, Ids ids) {
        this.entries = entries;
        this.goals = goals;
        this.attachments = attachments;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public DiaryEntry write(UserId owner, NewEntry entry) {
        return transactions.inTransaction(() -> {
            requireOwnGoals(owner, entry.goals());
            List<Attachment> held = attachments.resolve(owner, entry.attachmentIds(), AttachmentReferences.ATTACHMENT_IDS);
            LocalDate today = clock.today();
            LocalDate date = entry.entryDate() == null ? today : entry.entryDate();
            DiaryEntry written = create(owner, entry, held, date, today);
            entries.add(written);
            return written;
        });
    }

    @Override
    public DiaryEntry entry(UserId owner, DiaryEntryId id) {
        return entries.byId(owner, id).orElseThrow(() -> new NotFoundException("diary entry"));
    }

    @Override
    public Page<DiaryEntry> list(UserId owner, DiaryQuery query, PageRequest page) {
        return entries.list(owner, query, page);
    }

    @Override
    public DiaryEntry update(UserId owner, DiaryEntryId id, EntryChanges changes, ExpectedVersion expected) {
        return transactions.inTransaction(() -> {
            // the update requires the version just checked
            DiaryEntry current = expected.checked(entries.byId(owner, id), DiaryEntry::version, "diary entry");
            List<GoalId> goalIds = changes.goals().orElse(current.goals());
            if (changes.goals().isPresent()) {
                requireOwnGoals(owner, goalIds);
            }
            List<Attachment> held = attachments.afterChange(owner, changes.attachmentIds(), current.attachments());
            DiaryEntry changed;
            try {
                changed = current.edit(changes.entryDate().orElse(current.entryDate()), changes.title().orElse(current.title()),
                        changes.text().orElse(current.text()), changes.mood().orElse(current.mood()), goalIds, held,
                        clock.today(), clock.now());
            } catch (InvalidValueException future) {
                throw ValidationException.of("entry_date", future.getMessage());
            }
            entries.update(changed);
            return changed;
        });
    }

    @Override
    public void delete(UserId owner, DiaryEntryId id, ExpectedVersion expected) {
        transactions.inTransaction(() -> {
            // the expected version goes into the delete itself: the entry is read only when it deletes nothing
            OptionalLong version = expected.versionToFind(() -> entries.byId(owner, id), DiaryEntry::version,
                    "diary entry");
            if (!entries.delete(owner, id, version)) {
                throw expected.missed(entries.byId(owner, id), "diary entry");
            }
            return null;
        });
    }

    @Override
    public Stats stats(UserId owner) {
        Totals totals = entries.totals(owner);
        DiaryStreaks streaks = DiaryStreaks.of(totals.days(), clock.today());
        return new Stats(totals.entries(), streaks.current(), streaks.longest(), totals.months(), totals.averageMood());
    }

    private DiaryEntry create(UserId owner, NewEntry entry, List<Attachment> held, LocalDate date, LocalDate today) {
        try {
            return DiaryEntry.create(new DiaryEntryId(ids.next()), owner, date, entry.title(), entry.text(), entry.mood(),
                    entry.goals(), held, today, clock.now());
        } catch (InvalidValueException future) {
            throw ValidationException.of("entry_date", future.getMessage());
        }
    }

    /** Goal ids in a request must name the caller's goals: anything else is a 422 on {@code goal_ids}. */
    private void requireOwnGoals(UserId owner, List<GoalId> wanted) {
        Set<GoalId> distinct = new HashSet<>(wanted);
        if (distinct.size() != wanted.size()) {
            throw ValidationException.of("goal_ids", "must not repeat a goal");
        }
        Set<GoalId> found = goals.existing(owner, distinct);
        for (int i = 0; i < wanted.size(); i++) {
            if (!found.contains(wanted.get(i))) {
                throw ValidationException.of("goal_ids", "item " + i + " names no goal of yours");
            }
        }
    }
}
