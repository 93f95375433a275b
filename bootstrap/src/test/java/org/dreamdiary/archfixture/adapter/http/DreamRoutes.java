package org.dreamdiary.archfixture.adapter.http;

import org.dreamdiary.archfixture.application.port.in.RecordDream;
import org.dreamdiary.archfixture.domain.Dream;

/** A well-behaved route: it reaches the core through the inbound port. */
public final class DreamRoutes {
    private final RecordDream recordDream;

    public DreamRoutes(RecordDream recordDream) {
        this.recordDream = recordDream;
    }

    public Dream post(String title) {
        return recordDream.record(title);
    }
}
