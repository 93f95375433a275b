package org.dreamdiary.client.api;

import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.DiaryEntry;
import org.dreamdiary.client.model.DiaryEntryChanges;
import org.dreamdiary.client.model.DiaryQuery;
import org.dreamdiary.client.model.DiaryStats;
import org.dreamdiary.client.model.NewDiaryEntry;
import org.dreamdiary.client.model.Page;

/** The diary: what the user writes day by day, searchable, and its statistics (streaks, entries a month, mood). */
public final class DiaryApi {
    private static final String DIARY = Paths.API + "/diary";

    private final Transport transport;
    private final Resources<DiaryEntry> entries;

    public DiaryApi(Transport transport) {
        this.transport = transport;
        this.entries = new Resources<>(transport, DIARY, DiaryEntry.class);
    }

    /** Writes an entry, dated today (UTC) unless it says otherwise. */
    @OperationId("writeDiaryEntry")
    public Call<DiaryEntry> write(NewDiaryEntry entry) {
        return entries.create(entry);
    }

    /** One page of the entries the query selects, the newest date first. */
    @OperationId("listDiary")
    public Call<Page<DiaryEntry>> list(DiaryQuery query) {
        return entries.page(listing(query));
    }

    /** Every entry the query selects, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("listDiary")
    public Stream<DiaryEntry> all(DiaryQuery query) {
        return entries.all(listing(query));
    }

    @OperationId("getDiaryStats")
    public Call<DiaryStats> stats() {
        return transport.call(Request.get(DIARY + "/stats"), Body.json(DiaryStats.class));
    }

    @OperationId("getDiaryEntry")
    public Call<DiaryEntry> get(UUID id) {
        return entries.get(id);
    }

    /** Changes the entry, provided it is still as this client last read or wrote it ({@code If-Match}). */
    @OperationId("updateDiaryEntry")
    public Call<DiaryEntry> update(UUID id, DiaryEntryChanges changes) {
        return entries.update(id, changes);
    }

    /** Deletes the entry, provided it is still as this client last saw it. */
    @OperationId("deleteDiaryEntry")
    public Call<Void> delete(UUID id) {
        return entries.delete(id);
    }

    private static Request listing(DiaryQuery query) {
        return Paths.paged(Request.get(DIARY)
                .query("from", query.from())
                .query("to", query.to())
                .query("q", query.q())
                .query("mood", query.mood()), query.page());
    }
}
