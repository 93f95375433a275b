package org.dreamdiary.adapter.persistence;

import java.util.OptionalLong;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The version a conditional write must find, checked by the writing statement itself: between a use case's check
 * and its write no other change can slip in. An empty one lets the statement write at any version.
 */
final class VersionCondition {
    /** Added to the WHERE clause of a statement on one table, whose row has a {@code version} column. */
    static final String CONDITION = " AND (CAST(:expectedVersion AS bigint) IS NULL OR version = :expectedVersion)";

    private VersionCondition() {
    }

    static <S extends SqlStatement<S>> S bind(S statement, OptionalLong expected) {
        Long version = expected.isPresent() ? Long.valueOf(expected.getAsLong()) : null;
        return statement.bind("expectedVersion", version);
    }
}
