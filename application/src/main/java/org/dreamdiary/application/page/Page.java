package org.dreamdiary.application.page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One slice of a collection and the size of the whole. */
public record Page<T>(List<T> items, long totalItems, PageRequest request) {
    public Page {
        items = List.copyOf(items);
        if (totalItems < 0) {
            throw new IllegalArgumentException("totalItems must not be negative");
        }
    }

    public long totalPages() {
        return (totalItems + request.perPage() - 1) / request.perPage();
    }

    public boolean hasNext() {
        return request.page() < totalPages();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    /** The same slice with each item turned into another. */
    public <R> Page<R> map(Function<? super T, ? extends R> each) {
        return new Page<>(items.stream().<R>map(each).toList(), totalItems, request);
    }

    /** Every item of a collection, read {@link PageRequest#MAX_PER_PAGE} at a time by {@code read}. */
    public static <T> List<T> all(Function<PageRequest, Page<T>> read) {
        List<T> items = new ArrayList<>();
        Page<T> page = read.apply(new PageRequest(1, PageRequest.MAX_PER_PAGE));
        items.addAll(page.items());
        while (page.hasNext()) {
            page = read.apply(new PageRequest(page.request().page() + 1, PageRequest.MAX_PER_PAGE));
            items.addAll(page.items());
        }
        return items;
    }
}
