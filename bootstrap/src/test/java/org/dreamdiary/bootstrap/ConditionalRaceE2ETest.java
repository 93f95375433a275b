package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.problem;
import static org.dreamdiary.bootstrap.Planning.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 "a DELETE racing a PATCH under If-Match: one wins, the other 412", over real sockets, for every kind of
 * resource a client changes under If-Match. Both requests carry the ETag read just before and are released at
 * once; whichever wins, the other gets 412 and nothing is lost. If-Match on a resource that is gone is 412,
 * and without If-Match it stays 404.
 */
class ConditionalRaceE2ETest extends ServiceTest {
    private static final int ROUNDS = 20;
    /** Each round of the account costs a registration (bcrypt), so fewer of them. */
    private static final int ACCOUNT_ROUNDS = 8;

    private User owner;
    private String goal;
    private String chat;

    /** A resource to change: where it is, and who may change it. */
    private record Target(String path, String auth) {
    }

    /**
     * A kind of resource: how to make one, and a PATCH that changes {@code field} to {@code "patched"}, which a GET
     * shows at {@code shownAt}. Deleting the own account ends its sessions, so a request after it may be refused
     * before anything else (401).
     */
    private record Kind(String name, Supplier<Target> fresh, String field, String shownAt,
                        boolean deletingEndsTheSession) {
        String patch() {
            return "{\"" + field + "\": " + quote("patched") + "}";
        }
    }

    @BeforeAll
    void anOwnerWithAGoalAndAChat() {
        owner = Chats.user(api, "Racer");
        goal = Planning.id(Planning.goal(api, owner.auth(), "Tasks live here"));
        chat = Chats.id(Chats.chat(api, owner, "Messages live here"));
    }

    private List<Kind> kinds() {
        String auth = owner.auth();
        return List.of(
                new Kind("dream", () -> mine(Planning.dream(api, auth, "Contested")), "name", "/name", false),
                new Kind("goal", () -> mine(Planning.goal(api, auth, "Contested")), "name", "/name", false),
                new Kind("task", () -> mine(Planning.task(api, auth, goal, "Contested")), "text", "/text", false),
                new Kind("diary entry", () -> mine(Planning.entry(api, auth, "{\"text\": \"Contested\"}")),
                        "text", "/text", false),
                new Kind("chat", () -> mine(Chats.chat(api, owner, "Contested")), "title", "/chat/title", false),
                new Kind("message", () -> mine(Chats.message(api, owner, chat, "Contested")), "text", "/text", false));
    }

    private Kind account() {
        return new Kind("account", () -> new Target("/api/v1/users/me", Chats.user(api, "Contested").auth()),
                "full_name", "/full_name", true);
    }

    private Target mine(JsonNode created) {
        return new Target(created.get("_links").get("self").asText(), owner.auth());
    }

    @Test
    void aDeleteRacingAPatchWithTheSameIfMatchOnEveryKindOfResource_oneWinsTheOtherIs412AndNothingIsLost()
            throws Exception {
        for (Kind kind : kinds()) {
            race(kind, ROUNDS);
        }
    }

    @Test
    void aDeleteRacingAPatchWithTheSameIfMatchOnTheOwnAccount_oneWinsAndThePatchThatLosesIs412Or401() throws Exception {
        race(account(), ACCOUNT_ROUNDS);
    }

    @Test
    void givenADeletedResource_whenChangedWithIfMatch_then412AndWithoutIfMatch404() {
        for (Kind kind : kinds()) {
            Target target = kind.fresh().get();
            String etag = etagOf(target);
            assertThat(delete(target, etag).status()).as(kind.name()).isEqualTo(204);

            String failed = "/problems/precondition-failed";
            assertThat(problem(patch(kind, target, etag), 412)).as(kind.name()).isEqualTo(failed);
            assertThat(problem(delete(target, etag), 412)).as(kind.name()).isEqualTo(failed);
            assertThat(problem(patch(kind, target, "*"), 412)).as(kind.name()).isEqualTo(failed);
            assertThat(problem(patch(kind, target, null), 404)).as(kind.name()).isEqualTo("/problems/not-found");
            assertThat(problem(delete(target, null), 404)).as(kind.name()).isEqualTo("/problems/not-found");
        }
    }

    /** {@code rounds} times: a fresh resource, its ETag, then a DELETE and a PATCH with it, released together. */
    private void race(Kind kind, int rounds) throws Exception {
        int deletesWon = 0;
        for (int round = 0; round < rounds; round++) {
            Target target = kind.fresh().get();
            String etag = etagOf(target);

            List<ApiResponse> raced = Together.run(2, i -> i == 0 ? delete(target, etag) : patch(kind, target, etag));

            ApiResponse delete = raced.get(0);
            ApiResponse patch = raced.get(1);
            String what = kind.name() + " round " + round + ": DELETE " + delete.status() + ", PATCH " + patch.status();
            assertThat(delete.status() == 204 ^ patch.status() == 200).as(what + " (exactly one wins)").isTrue();
            if (delete.status() == 204) {
                deletesWon++;
                // the PATCH came too late: its If-Match names a version that no longer exists; on the own account
                // the token may already be gone with the account
                assertThat(patch.status()).as(what).isIn(412, kind.deletingEndsTheSession() ? 401 : 412);
                assertThat(api.get(target.path(), "Authorization", target.auth()).status()).as(what)
                        .isEqualTo(kind.deletingEndsTheSession() ? 401 : 404);
            } else {
                assertThat(problem(delete, 412)).as(what).isEqualTo("/problems/precondition-failed");
                // no lost update: the patch is there, and the old ETag still cannot delete it
                JsonNode stored = api.get(target.path(), "Authorization", target.auth()).json();
                assertThat(stored.at(kind.shownAt()).asText()).as(what).isEqualTo("patched");
                assertThat(delete(target, etag).status()).as(what).isEqualTo(412);
            }
        }
        System.out.printf("%s: %d rounds, DELETE won %d, PATCH won %d%n", kind.name(), rounds, deletesWon,
                rounds - deletesWon);
    }

    private String etagOf(Target target) {
        ApiResponse read = api.get(target.path(), "Authorization", target.auth());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.header("ETag");
    }

    private ApiResponse delete(Target target, String ifMatch) {
        return ifMatch == null ? api.delete(target.path(), "Authorization", target.auth())
                : api.delete(target.path(), "Authorization", target.auth(), "If-Match", ifMatch);
    }

    private ApiResponse patch(Kind kind, Target target, String ifMatch) {
        return ifMatch == null ? api.json("PATCH", target.path(), kind.patch(), "Authorization", target.auth())
                : api.json("PATCH", target.path(), kind.patch(), "Authorization", target.auth(), "If-Match", ifMatch);
    }
}
