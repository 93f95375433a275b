package org.dreamdiary.archfixture.adapter.persistence;

import org.dreamdiary.archfixture.application.port.in.RecordDream;
import org.dreamdiary.archfixture.domain.Dream;

/** Exists to be caught: a storage adapter playing a use case. */
public final class ImplementsInboundPort implements RecordDream {
    @Override
    public Dream record(String title) {
        return new Dream(title);
    }
}
