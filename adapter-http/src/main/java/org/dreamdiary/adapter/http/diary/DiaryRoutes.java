package org.dreamdiary.adapter.http.diary;

import static org.dreamdiary.adapter.http.json.FieldTypes.attachmentIds;
import static org.dreamdiary.adapter.http.json.FieldTypes.date;
import static org.dreamdiary.adapter.http.json.FieldTypes.integer;
import static org.dreamdiary.adapter.http.json.FieldTypes.list;
import static org.dreamdiary.adapter.http.json.FieldTypes.text;
import static org.dreamdiary.adapter.http.json.FieldTypes.uuid;

import io.javalin.http.Context;
import java.util.List;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.diary.DiaryResources.DiaryEntryResource;
import org.dreamdiary.adapter.http.diary.DiaryResources.DiaryStatsResource;
import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.diary.DeleteDiaryEntry;
import org.dreamdiary.application.port.in.diary.DiaryStatistics;
import org.dreamdiary.application.port.in.diary.GetDiaryEntry;
import org.dreamdiary.application.port.in.diary.ListDiary;
import org.dreamdiary.application.port.in.diary.UpdateDiaryEntry;
import org.dreamdiary.application.port.in.diary.WriteDiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** {@code /api/v1/diary}: the champion's diary and its statistics. */
public final class DiaryRoutes implements RouteGroup {
    private static final FieldType<DiaryTitle> TITLE = text(0, DiaryTitle.MAX_LENGTH).then(DiaryTitle::new);
    private static final FieldType<DiaryText> TEXT = text(0, DiaryText.MAX_LENGTH).then(DiaryText::new);
    private static final FieldType<Mood> MOOD = integer(1, 5).then(Mood::new);
    private static final FieldType<List<GoalId>> GOAL_IDS = list(uuid().then(GoalId::new), 50);

    private final WriteDiaryEntry writeEntry;
    private final GetDiaryEntry getEntry;
    private final ListDiary listDiary;
    private final UpdateDiaryEntry updateEntry;
    private final DeleteDiaryEntry deleteEntry;
    private final DiaryStatistics statistics;
    private final Authentication authentication;

    public DiaryRoutes(WriteDiaryEntry writeEntry, GetDiaryEntry getEntry, ListDiary listDiary, UpdateDiaryEntry updateEntry,
                       DeleteDiaryEntry deleteEntry, DiaryStatistics statistics, Authentication authentication) {
        this.writeEntry = writeEntry;
        this.getEntry = getEntry;
        this.listDiary = listDiary;
        this.updateEntry = updateEntry;
        this.deleteEntry = deleteEntry;
        this.statistics = statistics;
        this.authentication = authentication;
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/diary", this::write);
        router.get("/api/v1/diary", this::page);
        // "stats" first: it must not be read as an id.
        router.get("/api/v1/diary/stats", ctx -> Respond.json(ctx, 200, DiaryStatsResource.of(statistics.stats(owner(ctx)))));
        router.get("/api/v1/diary/{id}", this::entry);
        router.patch("/api/v1/diary/{id}", this::update);
        router.delete("/api/v1/diary/{id}", this::delete);
    }

    private void write(Context ctx) {
        UserId owner = owner(ctx);
        JsonFields in = JsonBody.fields(ctx);
        var entry = new WriteDiaryEntry.NewEntry(in.optional("entry_date", date()).orElse(null),
                in.optional("title", TITLE).orElse(null), in.required("text", TEXT), in.optional("mood", MOOD).orElse(null),
                in.optional("goal_ids", GOAL_IDS).orElse(List.of()),
                in.optional("attachment_ids", attachmentIds()).orElse(List.of()));
        in.validate();
        DiaryEntryResource created = DiaryEntryResource.of(writeEntry.write(owner, entry));
        Respond.created(ctx, created.links().self(), created);
    }

    private void page(Context ctx) {
        UserId owner = owner(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        var filter = new DiaryQuery(query.date("from"), query.date("to"), query.text("q", 200),
                query.integerIn("mood", 1, 5).map(Mood::new));
        query.validate();
        Paging.respond(ctx, listDiary.list(owner, filter, page), DiaryEntryResource::of);
    }

    private void update(Context ctx) {
        UserId owner = owner(ctx);
        DiaryEntryId id = PathIds.diaryEntry(ctx);
        JsonFields in = JsonBody.fields(ctx);
        var changes = new UpdateDiaryEntry.EntryChanges(in.settable("entry_date", date()), in.clearable("title", TITLE),
                in.settable("text", TEXT), in.clearable("mood", MOOD), in.settable("goal_ids", GOAL_IDS),
                in.settable("attachment_ids", attachmentIds()));
        in.validate();
        DiaryEntry updated = updateEntry.update(owner, id, changes, Conditional.ifMatch(ctx));
        Conditional.respondChanged(ctx, updated.version(), DiaryEntryResource.of(updated));
    }

    private void entry(Context ctx) {
        DiaryEntry entry = getEntry.entry(owner(ctx), PathIds.diaryEntry(ctx));
        Conditional.respond(ctx, entry.version(), DiaryEntryResource.of(entry));
    }

    private void delete(Context ctx) {
        deleteEntry.delete(owner(ctx), PathIds.diaryEntry(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    private UserId owner(Context ctx) {
        return authentication.require(ctx).user();
    }
}
