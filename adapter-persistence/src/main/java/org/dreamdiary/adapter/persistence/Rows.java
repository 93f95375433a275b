package org.dreamdiary.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reading nullable columns of the types the schema uses. */
final class Rows {
    private Rows() {
    }

    /** The driver reads a {@code uuid} column as a UUID; asking for the class walks a long chain of type tests. */
    static UUID uuid(ResultSet row, String column) throws SQLException {
        return (UUID) row.getObject(column);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
