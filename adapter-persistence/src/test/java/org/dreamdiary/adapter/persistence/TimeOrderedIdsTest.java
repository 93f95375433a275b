package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUIDv7 ids: unique, and ordered by creation both as Java sorts them and as PostgreSQL does (byte by byte). */
class TimeOrderedIdsTest {
    private final TimeOrderedIds ids = new TimeOrderedIds();

    private List<UUID> thousandIds() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            created.add(ids.next());
        }
        return created;
    }

    @Test
    void givenAThousandIds_whenCompared_thenNoTwoAreEqual() {
        assertThat(new HashSet<>(thousandIds())).hasSize(1000);
    }

    @Test
    void givenAThousandIds_whenInspected_thenEachIsAVersion7UuidOfTheStandardVariant() {
        assertThat(thousandIds()).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void givenAThousandIdsMadeWithinAFewMilliseconds_whenSorted_thenTheyAreInCreationOrder() {
        List<UUID> created = thousandIds();

        // Many share a millisecond, so the order within one must come from the generator's counter, not the clock.
        assertThat(created.stream().map(id -> id.getMostSignificantBits() >>> 16).distinct().count())
                .isLessThan(created.size());
        assertThat(created).isSortedAccordingTo(Comparator.naturalOrder());
        // PostgreSQL compares uuids as unsigned bytes, which is the order of their hexadecimal text.
        assertThat(created).isSortedAccordingTo(Comparator.comparing(UUID::toString));
    }

    @Test
    void givenAnId_whenItsTimestampIsRead_thenItIsTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = ids.next();
        long after = System.currentTimeMillis();

        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }
}
