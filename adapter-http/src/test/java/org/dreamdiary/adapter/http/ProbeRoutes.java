package org.dreamdiary.adapter.http;

import static org.dreamdiary.adapter.http.json.FieldTypes.integer;
import static org.dreamdiary.adapter.http.json.FieldTypes.list;
import static org.dreamdiary.adapter.http.json.FieldTypes.text;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.error.NotFoundException;

/**
 * A small resource that exists only in tests, built from the same pieces real routes use, so the shared
 * conventions (bodies, validation, paging, ETags, errors) can be exercised through a real socket.
 * Its notes live in memory: storage is not what these tests are about.
 */
final class ProbeRoutes implements RouteGroup {
    private final Map<UUID, Map<String, Object>> notes = new ConcurrentHashMap<>();
    /** Each note's version, as storage keeps it beside the columns a representation shows. */
    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();
    /** A permit per slow request that has reached its handler, so a test knows one is in flight. */
    final Semaphore slowRequestsStarted = new Semaphore(0);

    @Override
    public void register(Router router) {
        router.anonymousPost("/probe/notes", this::create);
        router.get("/probe/notes", this::page);
        router.get("/probe/notes/{id}", ctx -> {
            Map<String, Object> note = find(ctx);
            Conditional.respond(ctx, versions.get(id(ctx)), note);
        });
        router.patch("/probe/notes/{id}", this::update);
        router.delete("/probe/notes/{id}", ctx -> {
            notes.remove(id(ctx));
            versions.remove(id(ctx));
            Respond.noContent(ctx);
        });
        router.get("/probe/slow", ctx -> {
            slowRequestsStarted.release();
            Thread.sleep(Long.parseLong(ctx.queryParam("ms")));
            Respond.json(ctx, 200, Map.of("slept", true));
        });
        router.get("/probe/thread", ctx -> Respond.json(ctx, 200, Map.of("virtual", isVirtual(Thread.currentThread()))));
        // Breaks its documented contract on purpose: the client must notice.
        router.get("/probe/contract-breach", ctx -> Respond.json(ctx, 200, Map.of("title", 7)));
        router.get("/probe/failure", ctx -> {
            throw new IllegalStateException("connection to jdbc:postgresql://db/secret failed: SELECT * FROM users");
        });
    }

    private void create(Context ctx) {
        JsonFields in = JsonBody.fields(ctx);
        String title = in.required("title", text(1, 10));
        Optional<String> body = in.optional("body", text(0, 20));
        int count = in.optional("count", integer(0, 5)).orElse(0);
        List<String> tags = in.optional("tags", list(text(1, 5), 3)).orElse(List.of());
        in.validate();

        UUID id = UUID.randomUUID();
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", id.toString());
        note.put("title", title);
        note.put("body", body.orElse(null));
        note.put("count", count);
        note.put("tags", tags);
        note.put("_links", Map.of("self", "/probe/notes/" + id));
        notes.put(id, note);
        versions.put(id, 1L);
        Respond.created(ctx, "/probe/notes/" + id, note);
    }

    private void page(Context ctx) {
        QueryParams query = new QueryParams(ctx);
        PageRequest request = Paging.request(query);
        Optional<String> q = query.text("q", 50);
        query.validate();

        List<Map<String, Object>> matching = new ArrayList<>(notes.values().stream()
                .filter(note -> q.map(text -> note.get("title").toString().contains(text)).orElse(true))
                .sorted(Comparator.comparing(note -> note.get("id").toString()))
                .toList());
        List<Map<String, Object>> slice = matching.stream()
                .skip(request.offset()).limit(request.perPage()).toList();
        Paging.respond(ctx, new Page<>(slice, matching.size(), request), note -> note);
    }

    private void update(Context ctx) {
        Map<String, Object> current = find(ctx);
        JsonFields in = JsonBody.fields(ctx);
        Change<String> title = in.settable("title", text(1, 10));
        Change<String> body = in.clearable("body", text(0, 20));
        in.validate();
        synchronized (current) {
            UUID id = id(ctx);
            Conditional.ifMatch(ctx).check(versions.get(id), "note");
            current.put("title", title.orElse((String) current.get("title")));
            current.put("body", body.orElse((String) current.get("body")));
            Conditional.respondChanged(ctx, versions.merge(id, 1L, Long::sum), current);
        }
    }

    /** {@code Thread.isVirtual()} exists from Java 21 on; the code is compiled for 17. */
    static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    private static UUID id(Context ctx) {
        return PathIds.uuid(ctx, "id", "note");
    }

    private Map<String, Object> find(Context ctx) {
        Map<String, Object> note = notes.get(id(ctx));
        if (note == null) {
            throw new NotFoundException("note");
        }
        return note;
    }
}
