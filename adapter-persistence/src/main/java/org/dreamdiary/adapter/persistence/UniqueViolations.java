package org.dreamdiary.adapter.persistence;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.dreamdiary.domain.error.ConflictException;

/** Turns the database's verdict on a unique index into the conflict the user should read. */
final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** The conflict for {@code failure} when it broke one of {@code messagesByIndex}' indexes. */
    static Optional<ConflictException> conflictFor(Throwable failure, Map<String, String> messagesByIndex) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String text = String.valueOf(sql.getMessage());
                return messagesByIndex.entrySet().stream()
                        .filter(entry -> text.contains("\"" + entry.getKey() + "\""))
                        .map(entry -> new ConflictException(entry.getValue()))
                        .findFirst();
            }
        }
        return Optional.empty();
    }
}
