package org.dreamdiary.bootstrap;

import java.util.Map;
import org.dreamdiary.testsupport.http.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** An end-to-end test class: one running service on a fresh schema for all its tests, and its checking client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceTest {
    protected RunningService service;
    protected ApiClient api;

    @BeforeAll
    void startService() {
        service = RunningService.start(environment());
        api = service.client();
    }

    /** Environment variables of this class's service, beyond those every test service has. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @AfterAll
    void stopService() {
        service.close();
    }
}
