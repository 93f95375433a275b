package org.dreamdiary.client.api;

import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Dream;
import org.dreamdiary.client.model.DreamChanges;
import org.dreamdiary.client.model.DreamQuery;
import org.dreamdiary.client.model.NewDream;
import org.dreamdiary.client.model.Page;

/** Dreams: what the user wishes for, and the goals formed from them live in {@link GoalsApi}. */
public final class DreamsApi {
    private static final String DREAMS = Paths.API + "/dreams";
    private static final Body<Dream> DREAM = Body.json(Dream.class);

    private final Transport transport;

    public DreamsApi(Transport transport) {
        this.transport = transport;
    }

    @OperationId("createDream")
    public Call<Dream> create(NewDream dream) {
        return transport.call(Request.post(DREAMS, dream), DREAM);
    }

    /** One page of the dreams the query selects. */
    @OperationId("listDreams")
    public Call<Page<Dream>> list(DreamQuery query) {
        return transport.call(listing(query), Body.page(Dream.class));
    }

    /** Every dream the query selects, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("listDreams")
    public Stream<Dream> all(DreamQuery query) {
        return transport.stream(listing(query), Body.page(Dream.class), Page::items);
    }

    @OperationId("getDream")
    public Call<Dream> get(UUID id) {
        return transport.call(Request.get(Paths.of(DREAMS, id)), DREAM);
    }

    /** Changes the dream, provided it is still as this client last read or wrote it ({@code If-Match}). */
    @OperationId("updateDream")
    public Call<Dream> update(UUID id, DreamChanges changes) {
        String dream = Paths.of(DREAMS, id);
        return transport.call(Request.patch(dream, changes).ifUnchanged(dream, DREAM), DREAM);
    }

    /** Deletes the dream (its goals stay, without it), provided it is still as this client last saw it. */
    @OperationId("deleteDream")
    public Call<Void> delete(UUID id) {
        String dream = Paths.of(DREAMS, id);
        return transport.call(Request.delete(dream).ifUnchanged(dream, DREAM), Body.none());
    }

    private static Request listing(DreamQuery query) {
        return Paths.paged(Request.get(DREAMS)
                .query("status", query.status())
                .query("q", query.q())
                .query("sort", query.sort()), query.page());
    }
}
