package org.dreamdiary.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    /** A UUIDv7: 48 bits of milliseconds, version 7, 12 random bits, variant 2, 62 random bits. */
    private static final UUID HIGHEST = UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");

    @Test
    void theFirstIdOfAChatIsTheFreshOne() {
        UUID fresh = UUID.fromString("0190a1b2-c3d4-7000-8000-000000000001");

        assertThat(MessageIds.following(null, fresh)).isEqualTo(fresh);
    }

    @Test
    void aFreshIdGreaterThanTheHighestGivenIsUsedAsItIs() {
        UUID fresh = UUID.fromString("0190a1b2-c3d5-7000-8000-000000000000");

        assertThat(MessageIds.following(HIGHEST, fresh)).isEqualTo(fresh);
    }

    @Test
    void aFreshIdSmallerThanTheHighestGivenIsReplacedByTheHighestPlusOne() {
        UUID behind = UUID.fromString("0190a1b2-0000-7fff-bfff-ffffffffffff");

        UUID next = MessageIds.following(HIGHEST, behind);

        assertThat(next).isEqualTo(UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c"));
        assertThat(next.version()).isEqualTo(7);
        assertThat(next.variant()).isEqualTo(2);
    }

    @Test
    void aFreshIdEqualToTheHighestGivenIsReplacedByTheHighestPlusOne() {
        UUID next = MessageIds.following(HIGHEST, HIGHEST);

        assertThat(next).isEqualTo(UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c"));
    }

    @Test
    void whenTheLow62RandomBitsOverflowTheyCarryIntoTheHighHalfKeepingTheVariant() {
        UUID full = UUID.fromString("0190a1b2-c3d4-7e5f-bfff-ffffffffffff");

        UUID next = MessageIds.following(full, HIGHEST);

        assertThat(next).isEqualTo(UUID.fromString("0190a1b2-c3d4-7e60-8000-000000000000"));
        assertThat(next.version()).isEqualTo(7);
        assertThat(next.variant()).isEqualTo(2);
        assertThat(MessageIds.compareUnsigned(next, full)).isPositive();
    }

    @Test
    void whenTheRandomBitsOfBothHalvesOverflowTheCarryPassesOverTheVersionIntoTheTime() {
        UUID full = UUID.fromString("0190a1b2-c3d4-7fff-bfff-ffffffffffff");

        UUID next = MessageIds.following(full, HIGHEST);

        assertThat(next.version()).isEqualTo(7);
        assertThat(next.variant()).isEqualTo(2);
        assertThat(next).isEqualTo(UUID.fromString("0190a1b2-c3d5-7000-8000-000000000000"));
        assertThat(MessageIds.compareUnsigned(next, full)).isPositive();
    }

    @Test
    void uuidsCompareUnsignedLikePostgresDoes() {
        UUID topBitSet = UUID.fromString("80000000-0000-7000-8000-000000000000");
        UUID below = UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff");

        assertThat(topBitSet.compareTo(below)).as("UUID.compareTo is signed").isNegative();
        assertThat(MessageIds.compareUnsigned(topBitSet, below)).isPositive();
        assertThat(MessageIds.compareUnsigned(below, topBitSet)).isNegative();
        assertThat(MessageIds.compareUnsigned(below, below)).isZero();
        assertThat(MessageIds.compareUnsigned(new UUID(1, 0xC000000000000000L), new UUID(1, 0x8000000000000000L)))
                .as("the low half too").isPositive();
    }

    @Test
    void aHighestGivenWithItsTopBitSetIsNotOvertakenByASmallerFreshId() {
        UUID topBitSet = UUID.fromString("80000000-0000-7000-8000-000000000000");
        UUID fresh = UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff");

        assertThat(MessageIds.following(topBitSet, fresh))
                .isEqualTo(UUID.fromString("80000000-0000-7000-8000-000000000001"));
    }
}
