package org.dreamdiary.archfixture.adapter.memory;

import org.dreamdiary.archfixture.application.port.in.RecordDream;

/** Exists to be caught: a storage adapter implementing an inbound port. */
public abstract class ImplementsUseCase implements RecordDream {
}
