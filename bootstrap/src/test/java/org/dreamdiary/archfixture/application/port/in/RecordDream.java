package org.dreamdiary.archfixture.application.port.in;

import org.dreamdiary.archfixture.domain.Dream;

/** A well-behaved inbound port. */
public interface RecordDream {
    Dream record(String title);
}
