package org.dreamdiary.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.model.NewUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class of the Java client: one running service on a fresh PostgreSQL schema for all its tests, reached
 * through a real socket, and clients of it, each signed in as a user of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientTest {
    protected RunningService service;
    private final List<DreamDiaryClient> clients = new ArrayList<>();

    @BeforeAll
    void startService() {
        service = RunningService.start(environment());
    }

    /** Environment variables of this class's service, beyond those every test service has. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @AfterAll
    void stopService() {
        clients.forEach(DreamDiaryClient::close);
        service.close();
    }

    /** A client of the service, signed out; closed after the class. */
    protected DreamDiaryClient newClient() {
        return track(DreamDiaryClient.builder(service.baseUri()).build());
    }

    /** A client signed in as a newly registered user. */
    protected DreamDiaryClient signedIn() {
        DreamDiaryClient client = newClient();
        client.users().register(NewUser.of(Accounts.uniqueName("client"), Accounts.PASSWORD)).execute();
        return client;
    }

    /** Closes {@code client} with the class. */
    protected DreamDiaryClient track(DreamDiaryClient client) {
        clients.add(client);
        return client;
    }
}
