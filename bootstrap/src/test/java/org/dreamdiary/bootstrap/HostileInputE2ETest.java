package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dreamdiary.bootstrap.OpenApiOperations.Operation;
import org.dreamdiary.bootstrap.OpenApiOperations.Parameter;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile input over a real socket, generated from the OpenAPI document so that every route is covered: control
 * characters, broken UTF-8 and lone surrogates, dates java.time takes but the API does not. Each gets its own 4xx
 * answer, never a 5xx, and nothing is silently changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputE2ETest extends ServiceTest {
    private static final List<String> CONTROL_CHARACTERS = List.of("\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009f");
    private static final List<String> OUT_OF_RANGE_DATES = List.of("+999999999-12-31", "-999999999-01-01", "0000-12-31", "10000-01-01");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    private final List<Operation> operations = OpenApiOperations.all();
    private Chats.User owner;
    private final Map<String, String> ids = new HashMap<>();

    /** One resource of every kind, so that routes with ids reach their parameters and bodies. */
    @BeforeAll
    void createOneOfEverything() {
        owner = Chats.user(api, "hostile");
        Chats.User member = Chats.user(api, "member");
        String dream = Planning.dream(api, owner.auth(), "a dream").get("id").asText();
        String goal = Planning.goalOf(api, owner.auth(), dream).get("id").asText();
        String chat = Chats.chat(api, owner, "a chat", member).get("id").asText();
        ids.putAll(Map.of(
                "users", owner.id(),
                "members", member.id(),
                "dreams", dream,
                "goals", goal,
                "tasks", Planning.task(api, owner.auth(), goal, "a task").get("id").asText(),
                "diary", Planning.entry(api, owner.auth(), "{\"text\": \"an entry\"}").get("id").asText(),
                "chats", chat,
                "messages", Chats.message(api, owner, chat, "a message").get("id").asText()));
    }

    @Test
    void givenControlCharactersInEveryQueryParameterOfEveryRoute_whenSent_thenEachIs422NamingTheParameter() {
        int cases = 0;
        for (Operation operation : operations) {
            for (Parameter parameter : operation.in("query")) {
                for (String control : CONTROL_CHARACTERS) {
                    ApiResponse response = send(operation, concrete(operation.path()) + "?" + parameter.name() + "="
                            + encode("a" + control + "b"));
                    assertNamesOffender(response, operation, parameter.name());
                    cases++;
                }
            }
        }
        assertThat(cases).as("query parameters found in the document").isGreaterThan(50);
    }

    @Test
    void givenBrokenUtf8InEveryQueryParameterOfEveryRoute_whenSent_thenEachIs422NamingTheParameter() {
        // a byte that starts nothing, a cut sequence, an encoded lone surrogate, an overlong NUL, bad escapes
        // (which java.net.URI refuses to send, hence the raw socket)
        List<String> broken = List.of("%FF", "a%C3", "%ED%A0%80", "%C0%80", "%zz", "%", "%4");
        for (Operation operation : operations) {
            for (Parameter parameter : operation.in("query")) {
                for (String value : broken) {
                    String target = concrete(operation.path()) + "?" + parameter.name() + "=" + value;
                    RawHttp.Answer answer = raw(operation.method() + " " + target + " HTTP/1.1");
                    assertThat(answer.status()).as("%s: %s", target, answer.text()).isEqualTo(422);
                    assertThat(answer.body()).as(target).contains("\"field\":\"" + parameter.name() + "\"");
                }
            }
        }
    }

    @Test
    void givenRawBytesThatAreNotUtf8OrNulInTheRequestLineOrAHeader_whenSent_thenTheAnswerIsAClientError() {
        List<byte[]> requests = List.of(
                RawHttp.head("GET /api/v1/dreams?q=\u00ff\u00fe HTTP/1.1", "Authorization: " + owner.auth(), "Connection: close"),
                RawHttp.head("GET /api/v1/dreams?q=a\u0000b HTTP/1.1", "Authorization: " + owner.auth(), "Connection: close"),
                RawHttp.head("GET /api/v1/dreams/\u00ff HTTP/1.1", "Authorization: " + owner.auth(), "Connection: close"),
                RawHttp.head("GET /api/v1/dreams HTTP/1.1", "Authorization: " + owner.auth() + "\u0000", "Connection: close"),
                RawHttp.head("GET /api/v1/dreams HTTP/1.1", "X-Request-Id: a\u0000b", "Connection: close"));
        for (byte[] request : requests) {
            try (RawHttp client = RawHttp.connect(service.baseUri(), Duration.ofSeconds(10))) {
                RawHttp.Answer answer = client.send(request).readUntilClosed();
                assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
            }
        }
    }

    @Test
    void givenDatesOutsideYearsOneToNineThousandNineHundredNinetyNineInEveryDateParameter_whenSent_thenEachIs422() {
        int cases = 0;
        for (Operation operation : operations) {
            for (Parameter parameter : operation.in("query")) {
                if (!parameter.format().equals("date")) {
                    continue;
                }
                for (String date : OUT_OF_RANGE_DATES) {
                    assertNamesOffender(send(operation, concrete(operation.path()) + "?" + parameter.name() + "=" + encode(date)),
                            operation, parameter.name());
                    cases++;
                }
                for (String date : List.of("0001-01-01", "9999-12-31")) {
                    ApiResponse response = send(operation, concrete(operation.path()) + "?" + parameter.name() + "=" + date);
                    assertThat(response.status()).as("%s ?%s=%s: %s", operation, parameter.name(), date, response.text())
                            .isEqualTo(200);
                }
            }
        }
        assertThat(cases).as("date parameters found in the document").isGreaterThanOrEqualTo(6 * OUT_OF_RANGE_DATES.size());
    }

    @Test
    void givenDatesOutOfRangeInEveryDateFieldOfEveryBody_whenSent_thenEachIs422NamingTheField() {
        int cases = 0;
        for (Operation operation : operations) {
            for (String field : operation.dateBodyFields()) {
                for (String date : OUT_OF_RANGE_DATES) {
                    ApiResponse response = api.json(operation.method(), concrete(operation.path()),
                            "{" + Planning.quote(field) + ": " + Planning.quote(date) + "}", "Authorization", owner.auth());
                    assertNamesOffender(response, operation, field);
                    cases++;
                }
            }
        }
        assertThat(cases).as("date fields found in the document").isGreaterThanOrEqualTo(4 * OUT_OF_RANGE_DATES.size());
    }

    /** Jetty itself refuses an encoded NUL anywhere in a path, before any route: that one is a {@code 400} problem. */
    @Test
    void givenControlCharactersOrBrokenEscapesInEveryPathParameter_whenSent_thenEachIs404ButNulIsRefusedAs400() {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> expected = Map.of("%00", 400, "a%00b", 400, "%1F", 404, "%7F", 404, "%C2%85", 404,
                "%FF", 404, "%ED%A0%80", 404);
        for (Operation operation : operations) {
            for (Parameter parameter : operation.in("path")) {
                expected.forEach((segment, status) -> {
                    String path = concrete(operation.path().replace("{" + parameter.name() + "}", segment));
                    ApiResponse response = operation.method().equals("GET") || operation.method().equals("DELETE")
                            ? send(operation, path)
                            : api.json(operation.method(), path, "{}", "Authorization", owner.auth());
                    if (response.status() != status) {
                        wrong.add(operation + " as " + path + ": " + response.status() + " " + response.text());
                    }
                });
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenAnEscapedLoneSurrogateInABodyString_whenSent_thenItIs422AndNothingIsStored() {
        for (String surrogate : List.of("\\ud800", "\\udfff", "a\\ud83d", "\\ude00b")) {
            ApiResponse response = api.json("POST", "/api/v1/dreams", "{\"name\": \"" + surrogate + "\"}", "Authorization", owner.auth());
            assertThat(response.status()).as(response.text()).isEqualTo(422);
            assertThat(fields(response)).containsExactly("name");
        }
        assertThat(api.get("/api/v1/dreams?q=a", "Authorization", owner.auth()).json().get("_meta").get("total_items").asInt())
                .isZero();
    }

    @Test
    void givenBodyBytesThatAreNotUtf8_whenSent_thenTheBodyIsMalformed400() {
        List<byte[]> bodies = List.of(
                utf8("{\"name\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"), // a raw lone surrogate
                utf8("{\"name\": \"", new byte[] {(byte) 0xFF}, "\"}"),
                utf8("{\"name\": \"", new byte[] {(byte) 0xC0, (byte) 0x80}, "\"}"), // an overlong NUL
                utf8("{\"name\": \"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}"), // a cut sequence
                utf8("", new byte[] {0, 0, 0}, "{}"), // leading zero bytes, which look like UTF-32
                utf8("", new byte[] {(byte) 0xFE, (byte) 0xFF}, "{}")); // a UTF-16 byte order mark
        for (byte[] body : bodies) {
            ApiResponse response = api.send("POST", "/api/v1/dreams", "application/json", body, "Authorization", owner.auth());
            assertThat(response.status()).as(response.text()).isEqualTo(400);
        }
    }

    @Test
    void givenBasicCredentialsThatCouldNeverBeAnAccounts_whenLoggingIn_thenTheAnswerIs401() {
        List<byte[]> credentials = List.of(
                "a\u0000b:password".getBytes(StandardCharsets.UTF_8),
                (owner.id() + "\u001b:password").getBytes(StandardCharsets.UTF_8),
                "someone:pass\u0000word".getBytes(StandardCharsets.UTF_8),
                utf8("some", new byte[] {(byte) 0xFF}, "one:password"),
                utf8("someone:", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, ""));
        for (byte[] pair : credentials) {
            ApiResponse response = api.send("POST", "/api/v1/tokens", null, null,
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair));
            assertThat(response.status()).as(response.text()).isEqualTo(401);
        }
    }

    @Test
    void givenNulInAJsonLoginOrSearch_whenSent_thenTheAnswerIs422NotAFailure() {
        ApiResponse login = api.json("POST", "/api/v1/tokens", "{\"username\": \"a\\u0000b\", \"password\": \"password\"}");
        assertThat(login.status()).as(login.text()).isEqualTo(422);
        for (String search : List.of("/api/v1/dreams", "/api/v1/diary", "/api/v1/users", "/api/v1/chats")) {
            ApiResponse response = api.get(search + "?q=%00", "Authorization", owner.auth());
            assertThat(response.status()).as("%s: %s", search, response.text()).isEqualTo(422);
        }
    }

    private RawHttp.Answer raw(String requestLine) {
        try (RawHttp client = RawHttp.connect(service.baseUri(), Duration.ofSeconds(10))) {
            return client.send(RawHttp.head(requestLine, "Authorization: " + owner.auth(), "Connection: close"))
                    .readUntilClosed();
        }
    }

    private ApiResponse send(Operation operation, String pathAndQuery) {
        return api.send(operation.method(), pathAndQuery, null, null, "Authorization", owner.auth());
    }

    private static void assertNamesOffender(ApiResponse response, Operation operation, String name) {
        assertThat(response.status()).as("%s, %s: %s", operation, name, response.text()).isEqualTo(422);
        assertThat(fields(response)).as("%s: %s", operation, response.text()).contains(name);
    }

    private static List<String> fields(ApiResponse response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    /** The template with every id replaced by a real one of its kind (the kind is the segment before it). */
    private String concrete(String template) {
        Matcher matcher = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String before = template.substring(0, matcher.start());
            String kind = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            matcher.appendReplacement(path, ids.getOrDefault(kind, "index.html"));
        }
        return matcher.appendTail(path).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String before, byte[] raw, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(raw, 0, all, head.length, raw.length);
        System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
        return all;
    }
}
