package org.dreamdiary.adapter.persistence;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;
import org.dreamdiary.application.port.out.Ids;

/** UUIDv7: time-ordered, so new rows land at the end of primary-key indexes instead of all over them. */
public final class TimeOrderedIds implements Ids {
    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public UUID next() {
        return generator.generate();
    }
}
