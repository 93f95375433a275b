package org.dreamdiary.domain.diary;

import org.dreamdiary.domain.error.InvalidValueException;

/** How the day felt, from 1 (worst) to 5 (best). */
public record Mood(int value) {
    public Mood {
        if (value < 1 || value > 5) {
            throw new InvalidValueException("must be 1 to 5");
        }
    }
}
