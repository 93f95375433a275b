package org.dreamdiary.client.model;

/** The orders of a list of dreams; ties are broken by id. The default is {@link #NEWEST_FIRST}. */
public enum DreamSort {
    OLDEST_FIRST("created_at"),
    NEWEST_FIRST("-created_at"),
    NAME("name"),
    NAME_DESCENDING("-name");

    private final String wire;

    DreamSort(String wire) {
        this.wire = wire;
    }

    /** The value of {@code sort} in the query. */
    @Override
    public String toString() {
        return wire;
    }
}
