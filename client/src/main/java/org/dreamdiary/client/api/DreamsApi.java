package org.dreamdiary.client.api;

import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
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
    private final Resources<Dream> dreams;

    public DreamsApi(Transport transport) {
        this.dreams = new Resources<>(transport, DREAMS, Dream.class);
    }

    @OperationId("createDream")
    public Call<Dream> create(NewDream dream) {
        return dreams.create(dream);
    }

    /** One page of the dreams the query selects. */
    @OperationId("listDreams")
    public Call<Page<Dream>> list(DreamQuery query) {
        return dreams.page(listing(query));
    }

    /** Every dream the query selects, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("listDreams")
    public Stream<Dream> all(DreamQuery query) {
        return dreams.all(listing(query));
    }

    @OperationId("getDream")
    public Call<Dream> get(UUID id) {
        return dreams.get(id);
    }

    /** Changes the dream, provided it is still as this client last read or wrote it ({@code If-Match}). */
    @OperationId("updateDream")
    public Call<Dream> update(UUID id, DreamChanges changes) {
        return dreams.update(id, changes);
    }

    /** Deletes the dream (its goals stay, without it), provided it is still as this client last saw it. */
    @OperationId("deleteDream")
    public Call<Void> delete(UUID id) {
        return dreams.delete(id);
    }

    private static Request listing(DreamQuery query) {
        return Paths.paged(Request.get(DREAMS)
                .query("status", query.status())
                .query("q", query.q())
                .query("sort", query.sort()), query.page());
    }
}
