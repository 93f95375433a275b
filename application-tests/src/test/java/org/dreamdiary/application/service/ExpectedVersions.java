package org.dreamdiary.application.service;

import java.util.OptionalLong;

/** How the fakes honour the version a conditional delete expects, as the real storage does in its statement. */
public final class ExpectedVersions {
    private ExpectedVersions() {
    }

    /** Whether a row at {@code version} may be deleted: at the expected version, or any when none is expected. */
    public static boolean isAt(OptionalLong expected, long version) {
        return expected.isEmpty() || expected.getAsLong() == version;
    }
}
