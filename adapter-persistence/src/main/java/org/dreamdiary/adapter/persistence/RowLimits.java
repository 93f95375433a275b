package org.dreamdiary.adapter.persistence;

/**
 * A statement's row limit written into its text rather than bound. Bound, the limit is unknown to the generic plan
 * that PostgreSQL makes for a statement the driver has prepared, which then expects a tenth of the rows: once a
 * table is large, that plan looks costlier than one made for the value, and PostgreSQL plans the statement anew at
 * every run, which doubled the CPU of a chat's read (0.2 ms of planning for 0.1 ms of work). Written, the limit is
 * part of the statement and the generic plan is kept. Page sizes are few, so the statements stay few.
 */
final class RowLimits {
    /** Above any page the use cases ask for (plus the one row that tells whether there is more). */
    private static final int MAX = 1_001;

    private RowLimits() {
    }

    /** {@code LIMIT n}, for {@code rows} from 1 to 1,001. */
    static String limit(int rows) {
        if (rows < 1 || rows > MAX) {
            throw new IllegalArgumentException("a row limit must be from 1 to " + MAX + ", not " + rows);
        }
        return " LIMIT " + rows;
    }
}
