package org.dreamdiary.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import java.io.InputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.dreamdiary.client.model.Page;

/**
 * How the body of a successful answer becomes the call's result. Error answers never reach it: the transport reads
 * those as problem details.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface Body<T> {
    BodySubscriber<T> read(ResponseInfo info);

    /** A JSON document of the given type. */
    static <T> Body<T> json(JavaType type) {
        return info -> BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> Json.<T>read(bytes, type));
    }

    static <T> Body<T> json(Class<T> type) {
        return json(Json.type(type));
    }

    /** A page of a collection of {@code item}s. */
    static <T> Body<Page<T>> page(Class<T> item) {
        return json(Json.type(Page.class, item));
    }

    /** No body ({@code 204}): the result is {@code null}. */
    static Body<Void> none() {
        return info -> BodySubscribers.replacing(null);
    }

    static Body<String> text() {
        return info -> BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    static Body<byte[]> bytes() {
        return info -> BodySubscribers.ofByteArray();
    }

    /** The body as it arrives, for the caller to read (and close). */
    static Body<InputStream> stream() {
        return info -> BodySubscribers.ofInputStream();
    }

    /** The body written to a file, replacing what it held; the result is the file. */
    static Body<Path> file(Path target) {
        return info -> BodySubscribers.ofFile(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
