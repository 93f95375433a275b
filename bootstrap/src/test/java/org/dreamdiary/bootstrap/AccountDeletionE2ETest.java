package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.done;
import static org.dreamdiary.bootstrap.Planning.dream;
import static org.dreamdiary.bootstrap.Planning.entry;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goal;
import static org.dreamdiary.bootstrap.Planning.goalOf;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API.md §2 {@code DELETE /users/me}: the account and everything it owns in §3 and §4 goes, and nobody else's. */
class AccountDeletionE2ETest extends ServiceTest {
    private static final Map<String, String> ROWS_OF_OWNER = new LinkedHashMap<>();

    static {
        ROWS_OF_OWNER.put("dreams", "SELECT count(*) FROM dreams WHERE owner_id = ?");
        ROWS_OF_OWNER.put("goals", "SELECT count(*) FROM goals WHERE owner_id = ?");
        ROWS_OF_OWNER.put("tasks", "SELECT count(*) FROM tasks WHERE owner_id = ?");
        ROWS_OF_OWNER.put("diary_entries", "SELECT count(*) FROM diary_entries WHERE owner_id = ?");
        ROWS_OF_OWNER.put("diary_entry_goals", "SELECT count(*) FROM diary_entry_goals l"
                + " WHERE l.entry_id IN (SELECT id FROM diary_entries WHERE owner_id = ?)"
                + " OR l.goal_id IN (SELECT id FROM goals WHERE owner_id = ?)");
    }

    /** Gives the user a dream with a goal, a goal without a dream, tasks (one done) and diary entries linked to goals. */
    private void fillUp(String auth) {
        JsonNode dream = dream(api, auth, "Everything", "that I own");
        JsonNode ofDream = goalOf(api, auth, id(dream));
        JsonNode loose = goal(api, auth, "Loose goal");
        done(api, auth, task(api, auth, id(ofDream), "done step"), true);
        task(api, auth, id(ofDream), "open step");
        task(api, auth, id(loose), "loose step");
        entry(api, auth, "{\"text\": \"linked to both\", \"mood\": 4, \"goal_ids\": [\"" + id(ofDream) + "\", \"" + id(loose) + "\"]}");
        entry(api, auth, "{\"text\": \"linked to none\"}");
    }

    private Map<String, Long> rowsOf(String userId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = service.schema().connect()) {
            for (Map.Entry<String, String> query : ROWS_OF_OWNER.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(query.getValue())) {
                    for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                        statement.setObject(i, UUID.fromString(userId));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        counts.put(query.getKey(), rows.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    @Test
    void deletingAnAccountRemovesItsDreamsGoalsTasksAndDiaryButNotAnotherUsers() throws SQLException {
        JsonNode leaving = register(api, uniqueName("Leaving"));
        JsonNode staying = register(api, uniqueName("Staying"));
        String leavingId = leaving.get("user").get("id").asText();
        String stayingId = staying.get("user").get("id").asText();
        fillUp(bearer(leaving));
        fillUp(bearer(staying));
        Map<String, Long> expected = Map.of("dreams", 1L, "goals", 2L, "tasks", 3L, "diary_entries", 2L, "diary_entry_goals", 2L);
        assertThat(rowsOf(leavingId)).isEqualTo(expected);
        assertThat(rowsOf(stayingId)).isEqualTo(expected);

        assertThat(api.delete("/api/v1/users/me", "Authorization", bearer(leaving)).status()).isEqualTo(204);

        assertThat(rowsOf(leavingId)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rowsOf(stayingId)).isEqualTo(expected);
        assertThat(get(api, bearer(staying), "/api/v1/diary/stats").get("total_entries").asInt()).isEqualTo(2);
        assertThat(get(api, bearer(staying), "/api/v1/tasks").get("_meta").get("total_items").asInt()).isEqualTo(3);
    }
}
