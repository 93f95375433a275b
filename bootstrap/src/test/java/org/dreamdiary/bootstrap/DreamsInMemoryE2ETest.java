package org.dreamdiary.bootstrap;

import java.util.Map;

/** {@link DreamsE2ETest} on the service keeping its data in memory ({@code STORAGE=memory}), through a real socket. */
class DreamsInMemoryE2ETest extends DreamsE2ETest {
    @Override
    protected Map<String, String> environment() {
        return RunningService.IN_MEMORY;
    }
}
