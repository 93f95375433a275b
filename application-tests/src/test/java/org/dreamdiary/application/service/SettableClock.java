package org.dreamdiary.application.service;

import java.time.Duration;
import java.time.Instant;
import org.dreamdiary.application.port.out.Clock;

/** A clock that stands still until told to move, at millisecond precision like the real one. */
public final class SettableClock implements Clock {
    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    public void set(Instant to) {
        now = to;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
