package org.dreamdiary.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page envelope, its links and the {@code Link} header, on a fresh probe server per test. */
class PagingTest {
    private ProbeServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = new ProbeServer();
        api = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void createNotes(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(api.json("POST", "/probe/notes", "{\"title\": \"note " + i + "\"}").status()).isEqualTo(201);
        }
    }

    @Test
    void emptyCollectionHasNoPages() {
        ApiResponse response = api.get("/probe/notes");
        JsonNode body = response.json();
        assertThat(body.get("items")).isEmpty();
        assertThat(body.get("_meta").toString())
                .isEqualTo("{\"page\":1,\"per_page\":20,\"total_pages\":0,\"total_items\":0}");
        assertThat(body.get("_links").get("next").isNull()).isTrue();
        assertThat(body.get("_links").get("prev").isNull()).isTrue();
    }

    @Test
    void firstPageLinksToTheNextAndKeepsOtherQueryParameters() {
        createNotes(5);
        ApiResponse response = api.get("/probe/notes?q=note&per_page=2");
        JsonNode body = response.json();
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.get("_meta").get("total_pages").asInt()).isEqualTo(3);
        assertThat(body.get("_meta").get("total_items").asInt()).isEqualTo(5);
        assertThat(body.get("_links").get("self").asText()).isEqualTo("/probe/notes?q=note&page=1&per_page=2");
        assertThat(body.get("_links").get("next").asText()).isEqualTo("/probe/notes?q=note&page=2&per_page=2");
        assertThat(body.get("_links").get("prev").isNull()).isTrue();
        assertThat(response.header("Link")).isEqualTo(
                "</probe/notes?q=note&page=2&per_page=2>; rel=\"next\", "
                        + "</probe/notes?q=note&page=1&per_page=2>; rel=\"first\", "
                        + "</probe/notes?q=note&page=3&per_page=2>; rel=\"last\"");
    }

    @Test
    void walkingTheNextLinksVisitsEveryItemOnceInAStableOrder() {
        createNotes(7);
        List<String> seen = new ArrayList<>();
        String next = "/probe/notes?per_page=3";
        while (next != null) {
            JsonNode body = api.get(next).json();
            body.get("items").forEach(item -> seen.add(item.get("id").asText()));
            next = body.get("_links").get("next").isNull() ? null : body.get("_links").get("next").asText();
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void lastPageLinksBackAndAPagePastTheEndIsEmpty() {
        createNotes(3);
        JsonNode last = api.get("/probe/notes?page=2&per_page=2").json();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("_links").get("next").isNull()).isTrue();
        assertThat(last.get("_links").get("prev").asText()).isEqualTo("/probe/notes?page=1&per_page=2");

        ApiResponse beyond = api.get("/probe/notes?page=9&per_page=2");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.json().get("items")).isEmpty();
    }

    @Test
    void badPagingParametersAreAllListed() {
        ApiResponse response = api.get("/probe/notes?page=0&per_page=101");
        assertThat(response.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly("page", "per_page");

        assertThat(api.get("/probe/notes?per_page=0").status()).isEqualTo(422);
        assertThat(api.get("/probe/notes?page=abc").status()).isEqualTo(422);
        assertThat(api.get("/probe/notes?per_page=100").status()).isEqualTo(200);
    }
}
