package org.dreamdiary.client.model;

/** Which tasks of a goal to list: all, only done or only open ones, a page at a time, in position order. */
public record TaskQuery(Boolean done, PageRequest page) {
    public static TaskQuery all() {
        return new TaskQuery(null, PageRequest.first());
    }

    /** Only done ({@code true}) or only open ({@code false}) tasks. */
    public TaskQuery done(boolean done) {
        return new TaskQuery(done, page);
    }

    public TaskQuery page(int page, int perPage) {
        return new TaskQuery(done, PageRequest.of(page, perPage));
    }
}
