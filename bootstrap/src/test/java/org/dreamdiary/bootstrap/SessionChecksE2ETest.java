package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.user;
import static org.dreamdiary.bootstrap.SessionCheckCounts.DATABASE;
import static org.dreamdiary.bootstrap.SessionCheckCounts.MEMORY;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.dreamdiary.adapter.persistence.PostgresChatEvents;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * A node remembers the sessions it found live, so their requests need no lookup, yet a session ended on another node
 * is refused within a second; and while a node may have missed ends, it looks every session up.
 */
class SessionChecksE2ETest extends TwoNodesTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String ME = "/api/v1/users/me";

    private static int status(ApiClient node, User caller) {
        return node.get(ME, "Authorization", caller.auth()).status();
    }

    @Test
    void givenOneTokenUsedOverAndOver_whenServed_thenItsSessionIsLookedUpOnceNotOnEveryRequest() {
        User caller = user(b, "Often");
        long lookupsBefore = SessionCheckCounts.of(b, DATABASE);
        long rememberedBefore = SessionCheckCounts.of(b, MEMORY);

        for (int i = 0; i < 20; i++) {
            assertThat(status(b, caller)).isEqualTo(200);
        }

        // a node starved of CPU for over a second may look up a few more: it is not sure then to have heard every end
        assertThat(SessionCheckCounts.of(b, DATABASE) - lookupsBefore).isBetween(1L, 3L);
        assertThat(SessionCheckCounts.of(b, MEMORY) - rememberedBefore).isGreaterThanOrEqualTo(17L);
    }

    @Test
    void givenATokenRememberedOnNodeB_whenItLogsOutOnNodeA_thenNodeBRefusesItWithinOneSecond() {
        User caller = user(a, "Leaving");
        assertThat(status(b, caller)).isEqualTo(200);
        long rememberedBefore = SessionCheckCounts.of(b, MEMORY);
        assertThat(status(b, caller)).isEqualTo(200);
        assertThat(SessionCheckCounts.of(b, MEMORY)).isGreaterThan(rememberedBefore);

        long logoutSentAt = System.nanoTime();
        assertThat(a.delete("/api/v1/tokens", "Authorization", caller.auth()).status()).isEqualTo(204);
        assertThat(status(a, caller)).as("on the node that logged out, at once").isEqualTo(401);

        long deadline = logoutSentAt + Duration.ofSeconds(5).toNanos();
        while (true) {
            long sentAt = System.nanoTime();
            int status = status(b, caller);
            if (status == 401) {
                break;
            }
            assertThat(status).isEqualTo(200);
            assertThat((sentAt - logoutSentAt) / 1_000_000).as("ms after the logout that node B still accepted it")
                    .isLessThan(WITHIN.toMillis());
            assertThat(sentAt).as("refused in the end").isLessThan(deadline);
        }
        assertThat(status(b, caller)).isEqualTo(401);
    }

    @Test
    void givenTheListeningConnectionsCut_whenASessionEndsMeanwhile_thenNodeBLooksItUpAndRefusesItAtOnce() throws SQLException {
        User caller = user(a, "Unheard");
        assertThat(status(b, caller)).isEqualTo(200);
        assertThat(status(b, caller)).isEqualTo(200);

        int cut = cutListeningConnections();
        assertThat(a.delete("/api/v1/tokens", "Authorization", caller.auth()).status()).isEqualTo(204);
        long lookupsBefore = SessionCheckCounts.of(b, DATABASE);

        // whether node B has listened again yet or not, it must not trust what it remembered before the cut
        assertThat(status(b, caller)).isEqualTo(401);
        assertThat(SessionCheckCounts.of(b, DATABASE)).isGreaterThan(lookupsBefore);
        assertThat(cut).isGreaterThanOrEqualTo(2);
    }

    /** Terminates every listening connection of both nodes, as a network cut would; how many there were. */
    private int cutListeningConnections() throws SQLException {
        var schema = nodeA.schema();
        try (Connection connection = DriverManager.getConnection(schema.jdbcUrl(), schema.user(), schema.password());
             Statement statement = connection.createStatement();
             ResultSet terminated = statement.executeQuery("SELECT count(pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE application_name = '" + PostgresChatEvents.APPLICATION_NAME + "'")) {
            terminated.next();
            return terminated.getInt(1);
        }
    }
}
