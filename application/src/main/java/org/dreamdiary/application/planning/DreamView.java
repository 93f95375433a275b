package org.dreamdiary.application.planning;

import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamStatus;

/** A dream as its owner sees it: with the number of its goals and the status they give it. */
public record DreamView(Dream dream, long goalCount, DreamStatus status) {
}
