package org.dreamdiary.adapter.memory;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;

/** A page cut from every matching row in order, counted whole, as a count and a LIMIT/OFFSET query give it. */
final class Pages {
    private Pages() {
    }

    static <T> Page<T> of(Stream<T> matching, PageRequest page) {
        return of(matching, page, Function.identity());
    }

    /** The page with each of its rows, and only those, turned into what the port returns. */
    static <T, R> Page<R> of(Stream<T> matching, PageRequest page, Function<T, R> shown) {
        List<T> all = matching.toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.perPage()).map(shown).toList(), all.size(), page);
    }
}
