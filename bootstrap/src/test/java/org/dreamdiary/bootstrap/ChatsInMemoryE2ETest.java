package org.dreamdiary.bootstrap;

import java.util.Map;

/** {@link ChatsE2ETest} on the service keeping its data in memory ({@code STORAGE=memory}), through a real socket. */
class ChatsInMemoryE2ETest extends ChatsE2ETest {
    @Override
    protected Map<String, String> environment() {
        return RunningService.IN_MEMORY;
    }
}
