package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code STORAGE=memory}: a whole service with no database at all, which keeps nothing once it stops. */
class InMemoryStorageTest {
    @Test
    void givenStorageMemory_whenStarted_thenItServesAtOnceWithoutADatabase() throws Exception {
        long started = System.nanoTime();
        try (RunningService service = RunningService.start(RunningService.IN_MEMORY)) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            JsonNode tokens = register(service.client(), "dreamer");

            JsonNode me = service.client().get("/api/v1/users/me", "Authorization", bearer(tokens)).json();

            assertThat(me.get("username").asText()).isEqualTo("dreamer");
            assertThat(service.client().get("/health").json().get("status").asText()).isEqualTo("ok");
            assertThat(Files.exists(service.dataDir().resolve("postgres"))).as("no embedded database was started").isFalse();
            // a generous bound for a busy machine; the note of the change gives the figure measured
            assertThat(startup).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void givenAnAccountInMemory_whenTheServiceRestarts_thenItIsGone() {
        try (RunningService first = RunningService.start(RunningService.IN_MEMORY)) {
            register(first.client(), "passing");
        }
        try (RunningService second = RunningService.start(RunningService.IN_MEMORY)) {
            assertThat(register(second.client(), "passing").get("user").get("username").asText())
                    .as("the name is free again: nothing was kept").isEqualTo("passing");
        }
    }
}
