package org.dreamdiary.bootstrap;

import java.util.Map;

/** {@link LiveChatE2ETest} on the service keeping its data in memory ({@code STORAGE=memory}), through a real socket. */
class LiveChatInMemoryE2ETest extends LiveChatE2ETest {
    @Override
    protected Map<String, String> environment() {
        return RunningService.IN_MEMORY;
    }
}
