package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dreamdiary.bootstrap.Chats.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The API as a web front end on another origin meets it: a real Chromium, headless, runs the scripts of a page
 * served from its own origin (see {@code browser/api-page.html}) against the service, which allows that origin in
 * {@code CORS_ORIGINS}, and the same page under an origin it does not allow. And Swagger UI, served by the service,
 * tries out a route. Each test signs up users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserE2ETest {
    private HeadlessChromium browser;
    private PageServer pages;
    private RunningService service;
    private String api;

    @BeforeAll
    void start() {
        browser = HeadlessChromium.start();
        // the page's origin must be known before the service starts, to be allowed
        pages = PageServer.serving("/browser/api-page.html");
        service = RunningService.start(Map.of("STORAGE", "memory", "CORS_ORIGINS", pages.origin()));
        api = service.baseUri().toString();
    }

    @AfterAll
    void stop() {
        // each is stopped, the last started first, even when stopping another fails (or it never started)
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            try {
                if (pages != null) {
                    pages.close();
                }
            } finally {
                if (browser != null) {
                    browser.close();
                }
            }
        }
    }

    @Test
    void aPageOfAnAllowedOriginReadsADreamsETagAndGets304WhenItSendsItBack() {
        JsonNode reads = browser.open(pages.origin()).call("readADreamTwice", api, Accounts.uniqueName("Etag"));

        assertThat(reads.at("/created/status").asInt()).as(reads.toString()).isEqualTo(201);
        assertThat(reads.at("/created/location").asText()).startsWith("/api/v1/dreams/");
        assertThat(reads.at("/first/status").asInt()).isEqualTo(200);
        assertThat(reads.at("/first/etag").asText()).as("the ETag, readable by the page").startsWith("\"");
        assertThat(reads.at("/first/body/name").asText()).isEqualTo("Read from another origin");
        assertThat(reads.at("/again/status").asInt()).as(reads.toString()).isEqualTo(304);
    }

    @Test
    void aPageOfAnAllowedOriginPagesThroughDreamsByTheLinkHeaderSeeingEachOnce() {
        JsonNode paging = browser.open(pages.origin()).call("pageThroughDreams", api, Accounts.uniqueName("Pages"), 5, 2);

        assertThat(texts(paging.get("links"))).as("the Link header of each page").hasSize(3)
                .allSatisfy(link -> assertThat(link).contains("rel=\"first\""));
        assertThat(texts(paging.get("seen"))).as(paging.toString())
                .containsExactlyInAnyOrderElementsOf(texts(paging.get("created"))).hasSize(5);
    }

    @Test
    void aPageOfAnAllowedOriginReceivesOnItsLiveSocketAMessagePostedAfterItOpened() {
        JsonNode live = browser.open(pages.origin()).call("receiveALiveEvent", api, Accounts.uniqueName("Live"));

        assertThat(live.get("protocol").asText()).isEqualTo("bearer");
        assertThat(live.at("/event/event").asText()).as(live.toString()).isEqualTo("message.created");
        assertThat(live.at("/event/data")).isEqualTo(live.get("posted"));
        assertThat(live.at("/event/data/text").asText()).isEqualTo("Hello from a page");
    }

    @Test
    void aPageOfAnOriginNotAllowedIsRefusedByTheBrowserForFetchAndForTheLiveSocket() {
        User member = user(service.client(), "Origins");
        String chat = id(chat(service.client(), member, "Guarded by origin"));
        Map<String, Object> signUp = Map.of("body", Map.of("username", Accounts.uniqueName("Refused"),
                "password", Accounts.PASSWORD));

        browser.open(pages.origin());
        assertThat(browser.call("tryCall", api, "GET", "/health").get("status").asInt()).isEqualTo(200);
        assertThat(browser.call("tryLive", api, chat, member.token()).get("opened").asBoolean())
                .as("the same socket opens for an allowed origin").isTrue();

        browser.open(pages.otherOrigin());
        for (JsonNode refused : List.of(browser.call("tryCall", api, "GET", "/health"),
                browser.call("tryCall", api, "POST", "/api/v1/users", signUp))) {
            assertThat(refused.get("answered").asBoolean()).as(refused.toString()).isFalse();
            assertThat(refused.get("error").asText()).isEqualTo("TypeError");
        }
        JsonNode socket = browser.call("tryLive", api, chat, member.token());
        assertThat(socket.get("opened").asBoolean()).as(socket.toString()).isFalse();
        assertThat(socket.get("closeCode").asInt()).as("closed abnormally, never opened").isEqualTo(1006);
    }

    @Test
    void swaggerUiTriesOutGetHealthAndShowsTheAnswer() {
        browser.open(api + "/docs");
        WebElement health = browser.await(page -> page.findElement(By.id("operations-operations-getHealth")));
        health.findElement(By.cssSelector(".opblock-summary-control")).click();
        browser.await(page -> health.findElement(By.cssSelector(".try-out__btn"))).click();
        browser.await(page -> health.findElement(By.cssSelector("button.execute"))).click();

        String status = browser.await(page -> health.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"))
                .stream().map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
        assertThat(status).isEqualTo("200");
        assertThat(health.findElement(By.cssSelector(".live-responses-table")).getText()).contains("\"status\": \"ok\"");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
