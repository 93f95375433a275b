package org.dreamdiary.application.port.out.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.diary.MonthCount;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.user.UserId;

/** Storage of diary entries, with their goal links; every read is scoped to the owner. */
public interface DiaryEntries {
    void add(DiaryEntry entry);

    Optional<DiaryEntry> byId(UserId owner, DiaryEntryId id);

    Page<DiaryEntry> list(UserId owner, DiaryQuery query, PageRequest page);

    /** @throws org.dreamdiary.domain.error.StaleVersionException when it changed since {@code changed.version() - 1} */
    void update(DiaryEntry changed);

    /**
     * Only at {@code expectedVersion} when one is given (empty: at any version). False when nothing was deleted.
     */
    boolean delete(UserId owner, DiaryEntryId id, OptionalLong expectedVersion);

    /** Aggregates computed by the database: a bounded read, one row per day or month, never every entry. */
    Totals totals(UserId owner);

    record Totals(long entries, OptionalDouble averageMood, NavigableSet<LocalDate> days, List<MonthCount> months) {
    }
}
