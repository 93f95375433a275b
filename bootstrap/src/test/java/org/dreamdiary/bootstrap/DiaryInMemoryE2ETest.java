package org.dreamdiary.bootstrap;

import java.util.Map;

/** {@link DiaryE2ETest} on the service keeping its data in memory ({@code STORAGE=memory}), through a real socket. */
class DiaryInMemoryE2ETest extends DiaryE2ETest {
    @Override
    protected Map<String, String> environment() {
        return RunningService.IN_MEMORY;
    }
}
