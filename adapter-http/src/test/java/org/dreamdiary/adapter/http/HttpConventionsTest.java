package org.dreamdiary.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.problem.ErrorResponder;
import org.dreamdiary.testsupport.LogCapture;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The conventions of API.md §1 that every route shares, exercised over a real socket on the probe routes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpConventionsTest {
    private static final String JSON_UTF8 = "application/json;charset=utf-8";
    private ProbeServer server;
    private ApiClient api;

    @BeforeAll
    void start() {
        server = new ProbeServer();
        api = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private ApiResponse create(String json) {
        return api.json("POST", "/probe/notes", json);
    }

    private static void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualToIgnoringWhitespace("application/problem+json;charset=utf-8");
        JsonNode body = response.json();
        assertThat(body.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("request_id").asText()).isEqualTo(response.header("X-Request-Id"));
    }

    private static List<String> errorFields(ApiResponse response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Nested
    class Errors {
        @Test
        void unknownRouteIsProblemNotFound() {
            ApiResponse response = api.get("/no/such/route");
            assertProblem(response, 404, "not-found");
            assertThat(response.json().get("instance").asText()).isEqualTo("/no/such/route");
        }

        @Test
        void wrongMethodIsProblemMethodNotAllowedWithAllow() {
            ApiResponse response = api.json("PUT", "/probe/notes", "{}");
            assertProblem(response, 405, "method-not-allowed");
            assertThat(response.header("Allow")).contains("GET").contains("POST");
        }

        @Test
        void requestsJettyRefusesBeforeRoutingAreProblemsToo() {
            ApiResponse oversized = api.get("/probe/notes", "X-Padding", "x".repeat(20_000));
            assertThat(oversized.status()).isEqualTo(431);
            assertThat(oversized.header("Content-Type")).isEqualToIgnoringWhitespace("application/problem+json;charset=utf-8");
            assertThat(oversized.json().get("type").asText()).isEqualTo("/problems/bad-request");
            assertThat(oversized.json().get("status").asInt()).isEqualTo(431);
            assertThat(oversized.json().get("request_id").asText()).isEqualTo(oversized.header("X-Request-Id"));
        }

        @Test
        void malformedIdInPathIsNotFound() {
            assertProblem(api.get("/probe/notes/not-a-uuid"), 404, "not-found");
            assertProblem(api.get("/probe/notes/00000000-0000-0000-0000-00000000000g"), 404, "not-found");
        }

        @Test
        void unexpectedFailureIs500WithoutInternalsAndLoggedUnderItsRequestId() {
            try (LogCapture log = LogCapture.of(ErrorResponder.class.getName())) {
                ApiResponse response = api.get("/probe/failure", "X-Request-Id", "failure-1");
                assertProblem(response, 500, "internal-error");
                assertThat(response.text()).doesNotContainIgnoringCase("select")
                        .doesNotContain("jdbc").doesNotContain("IllegalStateException").doesNotContain("at org.");
                assertThat(log.lines()).singleElement().satisfies(line -> {
                    assertThat(line.context()).containsEntry("request_id", "failure-1");
                    assertThat(line.stackTrace()).contains("SELECT * FROM users");
                });
            }
        }
    }

    @Nested
    class RequestBodies {
        @Test
        void malformedJsonIsBadRequest() {
            assertProblem(create("{\"title\": "), 400, "bad-request");
        }

        @Test
        void trailingTextAfterTheJsonValueIsBadRequest() {
            assertProblem(create("{\"title\": \"a\"} {}"), 400, "bad-request");
            assertProblem(create("{\"title\": \"a\"} x"), 400, "bad-request");
        }

        @Test
        void emptyBodyAndNonObjectBodyAreBadRequest() {
            assertProblem(create(""), 400, "bad-request");
            assertProblem(create("[1, 2]"), 400, "bad-request");
        }

        @Test
        void duplicateKeysAreBadRequest() {
            assertProblem(create("{\"title\": \"a\", \"title\": \"b\"}"), 400, "bad-request");
        }

        @Test
        void wrongOrMissingContentTypeIsUnsupportedMediaType() {
            byte[] json = "{\"title\":\"a\"}".getBytes(StandardCharsets.UTF_8);
            assertProblem(api.send("POST", "/probe/notes", "text/plain", json), 415, "unsupported-media-type");
            assertProblem(api.send("POST", "/probe/notes", null, json), 415, "unsupported-media-type");
            assertThat(api.send("POST", "/probe/notes", "Application/JSON; charset=UTF-8", json).status()).isEqualTo(201);
        }

        @Test
        void bodyOfExactlyOneMebibyteIsAcceptedAndOneByteMoreIsTooLarge() {
            assertThat(create(padded("{\"title\":\"edge\"}", JsonBody.MAX_BYTES)).status()).isEqualTo(201);
            assertProblem(create(padded("{\"title\":\"edge\"}", JsonBody.MAX_BYTES + 1)), 413, "payload-too-large");
        }

        private String padded(String json, int totalBytes) {
            return json + " ".repeat(totalBytes - json.length());
        }
    }

    @Nested
    class Validation {
        @Test
        void everyOffendingFieldIsListedAtOnce() {
            ApiResponse response = create("{\"title\": 5, \"count\": 99, \"tags\": \"x\", \"colour\": \"red\"}");
            assertProblem(response, 422, "validation-failed");
            assertThat(errorFields(response)).containsExactlyInAnyOrder("title", "count", "tags", "colour");
            assertThat(response.json().get("detail").asText()).isEqualTo("4 fields are invalid");
        }

        @Test
        void missingRequiredFieldAndNullRequiredFieldAreUnprocessable() {
            assertThat(errorFields(create("{}"))).containsExactly("title");
            assertThat(errorFields(create("{\"title\": null}"))).containsExactly("title");
        }

        @Test
        void wrongJsonTypesAreRefusedNotCoerced() {
            assertThat(errorFields(create("{\"title\": \"ok\", \"count\": \"3\"}"))).containsExactly("count");
            assertThat(errorFields(create("{\"title\": \"ok\", \"count\": 2.5}"))).containsExactly("count");
            assertThat(errorFields(create("{\"title\": true}"))).containsExactly("title");
        }

        @Test
        void stringsAreTrimmedBeforeValidationAndStorage() {
            ApiResponse created = create("{\"title\": \"  hello \\n\", \"body\": \"\\t  \"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("title").asText()).isEqualTo("hello");
            assertThat(created.json().get("body").asText()).isEmpty();
            assertThat(errorFields(create("{\"title\": \"   \"}"))).containsExactly("title");
        }

        @Test
        void lengthLimitsCountCodePointsSoEmojiCountOnce() {
            String tenEmoji = "😀".repeat(10);
            ApiResponse created = create("{\"title\": \"" + tenEmoji + "\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("title").asText()).isEqualTo(tenEmoji);
            ApiResponse tooLong = create("{\"title\": \"" + tenEmoji + "😀\"}");
            assertThat(errorFields(tooLong)).containsExactly("title");
            assertThat(tooLong.json().get("errors").get(0).get("message").asText()).isEqualTo("must be 1 to 10 characters");
        }

        @Test
        void controlCharactersOtherThanTabAndLineBreaksAreRefused() {
            assertThat(errorFields(create("{\"title\": \"a\\u0000b\"}"))).containsExactly("title");
            assertThat(errorFields(create("{\"title\": \"a\\u0085b\"}"))).containsExactly("title");
            assertThat(create("{\"title\": \"a\\tb\\r\\nc\"}").status()).isEqualTo(201);
        }

        @Test
        void invalidListItemsNameTheirPosition() {
            ApiResponse response = create("{\"title\": \"ok\", \"tags\": [\"fine\", \"far too long\"]}");
            assertThat(response.json().get("errors").get(0).get("message").asText()).startsWith("item 1 ");
        }
    }

    @Nested
    class Creation {
        @Test
        void createdIs201WithLocationOfTheNewResource() {
            ApiResponse created = create("{\"title\": \"located\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Content-Type")).isEqualToIgnoringWhitespace(JSON_UTF8);
            ApiResponse fetched = api.get(created.header("Location"));
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(fetched.json().get("title").asText()).isEqualTo("located");
        }

        @Test
        void deleteIs204AndTheResourceIsGone() {
            String location = create("{\"title\": \"doomed\"}").header("Location");
            assertThat(api.delete(location).status()).isEqualTo(204);
            assertProblem(api.get(location), 404, "not-found");
        }
    }

    @Nested
    class RequestIds {
        @Test
        void acceptableClientRequestIdIsEchoed() {
            String id = "client.ID-" + "x".repeat(54);
            assertThat(api.get("/probe/notes", "X-Request-Id", id).header("X-Request-Id")).isEqualTo(id);
        }

        @Test
        void unacceptableClientRequestIdIsReplaced() {
            for (String bad : List.of("has space", "x".repeat(65), "semi;colon")) {
                String echoed = api.get("/probe/notes", "X-Request-Id", bad).header("X-Request-Id");
                assertThat(echoed).isNotEqualTo(bad).matches("[A-Za-z0-9._-]{1,64}");
            }
        }

        @Test
        void everyResponseHasARequestIdAndTheyDiffer() {
            String first = api.get("/probe/notes").header("X-Request-Id");
            String second = api.get("/no/route").header("X-Request-Id");
            assertThat(first).isNotBlank().isNotEqualTo(second);
        }
    }

    @Nested
    class ConditionalRequests {
        @Test
        void getHasStrongEtagAndIfNoneMatchGives304() {
            String location = create("{\"title\": \"cached\"}").header("Location");
            ApiResponse first = api.get(location);
            String etag = first.header("ETag");
            assertThat(etag).startsWith("\"").endsWith("\"");
            ApiResponse again = api.get(location, "If-None-Match", etag);
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(etag);
            assertThat(api.get(location, "If-None-Match", "\"other\"").status()).isEqualTo(200);
        }

        @Test
        void staleIfMatchGives412AndChangesNothing() {
            String location = create("{\"title\": \"v1\"}").header("Location");
            String etag = api.get(location).header("ETag");
            ApiResponse changed = api.json("PATCH", location, "{\"title\": \"v2\"}", "If-Match", etag);
            assertThat(changed.status()).isEqualTo(200);

            assertProblem(api.json("PATCH", location, "{\"title\": \"v3\"}", "If-Match", etag), 412, "precondition-failed");
            assertThat(api.get(location).json().get("title").asText()).isEqualTo("v2");
            assertThat(api.get(location).header("ETag")).isNotEqualTo(etag);
        }

        @Test
        void currentIfMatchOrNoneOrStarIsAccepted() {
            String location = create("{\"title\": \"v1\"}").header("Location");
            String etag = api.get(location).header("ETag");
            assertThat(api.json("PATCH", location, "{\"title\": \"v2\"}", "If-Match", "\"x\", " + etag).status()).isEqualTo(200);
            assertThat(api.json("PATCH", location, "{\"title\": \"v3\"}", "If-Match", "*").status()).isEqualTo(200);
            assertThat(api.json("PATCH", location, "{\"title\": \"v4\"}").status()).isEqualTo(200);
        }
    }

    @Nested
    class PartialUpdates {
        @Test
        void missingFieldIsLeftUnchangedAndNullClearsANullableField() {
            String location = create("{\"title\": \"keep\", \"body\": \"text\"}").header("Location");
            ApiResponse untouched = api.json("PATCH", location, "{}");
            assertThat(untouched.json().get("title").asText()).isEqualTo("keep");
            assertThat(untouched.json().get("body").asText()).isEqualTo("text");
            ApiResponse cleared = api.json("PATCH", location, "{\"body\": null}");
            assertThat(cleared.json().get("body").isNull()).isTrue();
            assertThat(cleared.json().get("title").asText()).isEqualTo("keep");
        }

        @Test
        void nullForARequiredFieldIsUnprocessable() {
            String location = create("{\"title\": \"keep\"}").header("Location");
            ApiResponse response = api.json("PATCH", location, "{\"title\": null}");
            assertProblem(response, 422, "validation-failed");
            assertThat(errorFields(response)).containsExactly("title");
        }
    }
}
