package org.dreamdiary.archfixture.application.service;

import org.dreamdiary.archfixture.application.port.in.RecordDream;
import org.dreamdiary.archfixture.application.port.out.Dreams;
import org.dreamdiary.archfixture.domain.Dream;

/** A well-behaved use case, and the implementation an adapter must not reach for. */
public final class RecordDreamService implements RecordDream {
    private final Dreams dreams;

    public RecordDreamService(Dreams dreams) {
        this.dreams = dreams;
    }

    @Override
    public Dream record(String title) {
        Dream dream = new Dream(title);
        dreams.save(dream);
        return dream;
    }
}
