package org.dreamdiary.bootstrap;

import java.util.Map;

/** {@link MessagesE2ETest} on the service keeping its data in memory ({@code STORAGE=memory}), through a real socket. */
class MessagesInMemoryE2ETest extends MessagesE2ETest {
    @Override
    protected Map<String, String> environment() {
        return RunningService.IN_MEMORY;
    }
}
