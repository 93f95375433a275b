package org.dreamdiary.client.api;

import java.net.http.HttpRequest.BodyPublisher;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Page;

/**
 * A collection of the API and its resources ({@code collection/id}), the calls every group makes the same way:
 * create with JSON, list a page or stream them all, read one, and change or delete one only if it is still as this
 * client last saw it ({@code If-Match}).
 *
 * @param <T> the resource
 */
final class Resources<T> {
    private final Transport transport;
    private final String collection;
    private final Class<T> type;
    private final Body<T> body;

    Resources(Transport transport, String collection, Class<T> type) {
        this.transport = transport;
        this.collection = collection;
        this.type = type;
        this.body = Body.json(type);
    }

    Call<T> create(Object fields) {
        return transport.call(Request.post(collection, fields), body);
    }

    /** Creates from a body other than JSON, retried only when it is {@code repeatable} (can be sent again). */
    Call<T> create(Supplier<BodyPublisher> content, String contentType, boolean repeatable) {
        return transport.call(Request.post(collection, content, contentType, repeatable), body);
    }

    /** One page of what {@code listing}, a {@code GET} of the collection with its filters, selects. */
    Call<Page<T>> page(Request listing) {
        return transport.call(listing, Body.page(type));
    }

    /** Every item {@code listing} selects, from its page on, fetched a page at a time as the stream is read. */
    Stream<T> all(Request listing) {
        return transport.stream(listing, Body.page(type), Page::items);
    }

    Call<T> get(UUID id) {
        return transport.call(Request.get(Paths.of(collection, id)), body);
    }

    Call<T> update(UUID id, Object changes) {
        String resource = Paths.of(collection, id);
        return transport.call(Request.patch(resource, changes).ifUnchanged(resource, body), body);
    }

    Call<Void> delete(UUID id) {
        String resource = Paths.of(collection, id);
        return transport.call(Request.delete(resource).ifUnchanged(resource, body), Body.none());
    }
}
