package org.dreamdiary.bootstrap;

import java.util.Map;

/** {@link UsersAndTokensTest} on the service keeping its data in memory ({@code STORAGE=memory}), through a real socket. */
class UsersAndTokensInMemoryTest extends UsersAndTokensTest {
    @Override
    protected Map<String, String> environment() {
        return RunningService.IN_MEMORY;
    }
}
