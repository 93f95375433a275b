package org.dreamdiary.application.planning;

import java.util.Optional;
import org.dreamdiary.domain.planning.DreamStatus;

/** Which dreams to list; {@code text} is a full-text search of name and description, in Russian and English. */
public record DreamQuery(Optional<DreamStatus> status, Optional<String> text, DreamSort sort) {

    /** Every order breaks ties by id, so pages are stable. */
    public enum DreamSort { CREATED_ASC, CREATED_DESC, NAME_ASC, NAME_DESC }
}
