package org.dreamdiary.bootstrap;

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
        service = RunningService.start();
        api = service.client();
    }

    @AfterAll
    void stopService() {
        service.close();
    }
}
