package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.user;
import static org.dreamdiary.bootstrap.SessionCheckCounts.DATABASE;
import static org.dreamdiary.bootstrap.SessionCheckCounts.MEMORY;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Holds the ground of the benchmarked routes: how many statements one request sends to PostgreSQL, BEGIN and
 * COMMIT included, counted at the service's pool while the request goes through a real socket. A change that adds
 * a round trip to one of them fails here, and must change the number on purpose. Each request is counted once its
 * caller's session is remembered, as it is for every request but a session's first (that one looks the session up
 * in one statement more); a request whose session was looked up all the same (the node not sure of having heard
 * every ended session, when starved of CPU) is sent again. Statements of the node's own threads are not the
 * request's: the background jobs, and the chat-event listener loading a posted message for the live sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteStatementCountsE2ETest {
    /** The chat's member-scoped row with its latest page, in one statement outside any transaction. */
    private static final int GET_CHAT = 1;
    /** BEGIN, lock the chat as a member, store the message counting it in the chat, notify the nodes, COMMIT. */
    private static final int POST_MESSAGE = 5;
    /** The caller's own user row. */
    private static final int GET_ME = 1;
    /** The total, the page with each dream's goals counted alongside, and the attachments of the page's dreams. */
    private static final int LIST_DREAMS = 3;

    private static final int MESSAGES = 1_000;
    private static final int DREAMS = 100;
    private static final Set<String> THE_NODES_OWN_THREADS = Set.of("background-jobs", "chat-events-listener");
    private static final int ATTEMPTS = 5;

    private final StatementLog log = new StatementLog();
    private RunningService service;
    private ApiClient api;
    private User owner;
    private User member;
    private String busyChat;
    private String quietChat;

    @BeforeAll
    void startWithDataToRead() throws SQLException {
        service = RunningService.start(log);
        api = service.client();
        owner = user(api, "Owner");
        member = user(api, "Member");
        busyChat = id(chat(api, owner, "Busy", member));
        quietChat = id(chat(api, owner, "Quiet", member));
        // in the tables directly: a thousand posts through the API would take seconds
        sql("WITH stored AS (INSERT INTO messages (id, chat_id, author_id, text, created_at, version)"
                + " SELECT lpad(to_hex(i), 32, '0')::uuid, ?, ?, 'Message ' || i, now() - (? - i) * interval '1 second', 1"
                + " FROM generate_series(1, ?) AS i RETURNING id, created_at)"
                + " UPDATE chats SET message_count = (SELECT count(*) FROM stored),"
                + " last_message_at = (SELECT max(created_at) FROM stored),"
                + " last_message_id = lpad(to_hex(?), 32, '0')::uuid WHERE id = ?",
                UUID.fromString(busyChat), UUID.fromString(owner.id()), MESSAGES, MESSAGES, MESSAGES,
                UUID.fromString(busyChat));
        sql("INSERT INTO dreams (id, owner_id, name, created_at, updated_at, version)"
                + " SELECT gen_random_uuid(), ?, 'Dream ' || i, now(), now(), 1 FROM generate_series(1, ?) AS i",
                UUID.fromString(member.id()), DREAMS);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void givenAChatOfAThousandMessages_whenReadWithItsLatestTwenty_thenOneStatement() {
        ApiResponse read = counted(GET_CHAT, () -> api.get("/api/v1/chats/" + busyChat + "?limit=20",
                "Authorization", member.auth()));

        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.json().get("chat").get("message_count").asInt()).isEqualTo(MESSAGES);
        assertThat(read.json().get("messages")).hasSize(20);
        assertThat(read.json().get("messages").get(0).get("text").asText()).isEqualTo("Message " + MESSAGES);
    }

    @Test
    void givenAChat_whenAMessageIsPostedAlone_thenFiveStatements() {
        ApiResponse posted = counted(POST_MESSAGE, () -> api.json("POST", "/api/v1/chats/" + quietChat + "/messages",
                "{\"text\": \"Counted\"}", "Authorization", member.auth()));

        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
    }

    @Test
    void givenASignedInUser_whenItReadsItsProfile_thenOneStatement() {
        ApiResponse me = counted(GET_ME, () -> api.get("/api/v1/users/me", "Authorization", member.auth()));

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(member.id());
    }

    @Test
    void givenAHundredDreams_whenAPageIsListed_thenThreeStatements() {
        ApiResponse page = counted(LIST_DREAMS, () -> api.get("/api/v1/dreams?per_page=100",
                "Authorization", member.auth()));

        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(DREAMS);
    }

    /**
     * Sends {@code request} until its caller's session is answered from memory (a first one may warm it up), then
     * checks that it sent exactly {@code statements} statements, and returns its response.
     */
    private ApiResponse counted(int statements, Supplier<ApiResponse> request) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long lookups = SessionCheckCounts.of(api, DATABASE);
            long remembered = SessionCheckCounts.of(api, MEMORY);
            int mark = log.mark();
            ApiResponse response = request.get();
            List<StatementLog.Sent> sent = log.since(mark).stream()
                    .filter(each -> !THE_NODES_OWN_THREADS.contains(each.thread())).toList();
            if (SessionCheckCounts.of(api, DATABASE) == lookups) {
                assertThat(SessionCheckCounts.of(api, MEMORY)).as("session checks answered from memory")
                        .isEqualTo(remembered + 1);
                assertThat(sent).as("statements sent").hasSize(statements);
                return response;
            }
        }
        throw new AssertionError("the session was looked up in the database on all " + ATTEMPTS + " attempts");
    }

    private void sql(String statement, Object... arguments) throws SQLException {
        var schema = service.schema();
        try (Connection connection = DriverManager.getConnection(schema.jdbcUrl(), schema.user(), schema.password());
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < arguments.length; i++) {
                prepared.setObject(i + 1, arguments[i]);
            }
            prepared.executeUpdate();
        }
    }
}
