package org.dreamdiary.adapter.memory;

import java.util.OptionalLong;

/** The version a conditional write must find; an empty one lets it write at any version. */
final class VersionCondition {
    private VersionCondition() {
    }

    static boolean allows(OptionalLong expected, long version) {
        return expected.isEmpty() || expected.getAsLong() == version;
    }
}
