package org.dreamdiary.client.internal;

import java.net.http.HttpResponse.BodySubscribers;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a collection, page after page, following each answer's {@code Link: <...>; rel="next"}: a page is
 * fetched only when the stream reaches it, and the stream ends with the first page that links to no next one.
 */
final class Pages<P, T> extends Spliterators.AbstractSpliterator<T> {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");

    private final Transport transport;
    private final Body<P> page;
    private final Function<P, List<T>> items;
    private final Deque<T> buffered = new ArrayDeque<>();
    private Request next;

    private Pages(Transport transport, Request first, Body<P> page, Function<P, List<T>> items) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.transport = transport;
        this.next = first;
        this.page = page;
        this.items = items;
    }

    static <P, T> Stream<T> stream(Transport transport, Request first, Body<P> page, Function<P, List<T>> items) {
        return StreamSupport.stream(new Pages<>(transport, first, page, items), false);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        while (buffered.isEmpty() && next != null) {
            Linked<P> fetched = Transport.await(transport.send(next, linked(page)));
            buffered.addAll(items.apply(fetched.page()));
            next = fetched.next().map(Request::get).orElse(null);
        }
        if (buffered.isEmpty()) {
            return false;
        }
        action.accept(buffered.poll());
        return true;
    }

    /** A page with the target of its {@code Link: rel="next"}, if it has one. */
    private record Linked<P>(P page, Optional<String> next) {
    }

    private static <P> Body<Linked<P>> linked(Body<P> page) {
        return info -> BodySubscribers.mapping(page.read(info),
                read -> new Linked<>(read, info.headers().allValues("Link").stream()
                        .flatMap(header -> relation(header, "next").stream()).findFirst()));
    }

    /** The target of one relation in a {@code Link} header (RFC 8288). */
    static Optional<String> relation(String header, String rel) {
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            if (link.group(2).equals(rel)) {
                return Optional.of(link.group(1));
            }
        }
        return Optional.empty();
    }
}
