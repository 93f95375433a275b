package org.dreamdiary.application.service.chat;

import java.util.UUID;

/**
 * Ids of one chat's messages grow in the order the messages are committed: a new id is taken while the chat is
 * locked and made greater than every id the chat gave out before. Clocks of different nodes may disagree, so a
 * fresh time-ordered id is not enough by itself; when it is not greater, the previous id plus one is used, which
 * keeps a UUIDv7 a UUIDv7 (only its random low bits change).
 */
final class MessageIds {
    private MessageIds() {
    }

    static UUID following(UUID highestGiven, UUID fresh) {
        if (highestGiven == null || compareUnsigned(fresh, highestGiven) > 0) {
            return fresh;
        }
        long low = highestGiven.getLeastSignificantBits() + 1;
        if ((low & VARIANT_MASK) != (highestGiven.getLeastSignificantBits() & VARIANT_MASK)) {
            // the 62 random bits overflowed into the variant: carry into the high half instead
            return new UUID(incrementKeepingVersion(highestGiven.getMostSignificantBits()),
                    highestGiven.getLeastSignificantBits() & VARIANT_MASK);
        }
        return new UUID(highestGiven.getMostSignificantBits(), low);
    }

    private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;
    private static final long VERSION_MASK = 0xF000L;

    /** The high half plus one; when its 12 random bits overflow into the version, the carry goes to the time. */
    private static long incrementKeepingVersion(long high) {
        long next = high + 1;
        if ((next & VERSION_MASK) == (high & VERSION_MASK)) {
            return next;
        }
        return ((high | 0xFFFFL) + 1) | (high & VERSION_MASK);
    }

    /** PostgreSQL orders uuids as unsigned bytes; {@link UUID#compareTo} compares signed longs. */
    static int compareUnsigned(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }
}
