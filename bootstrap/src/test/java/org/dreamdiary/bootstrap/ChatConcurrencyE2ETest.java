package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.ids;
import static org.dreamdiary.bootstrap.Chats.message;
import static org.dreamdiary.bootstrap.Chats.post;
import static org.dreamdiary.bootstrap.Chats.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md §6 under concurrency, over real sockets: cursor pages neither skip nor repeat a message while others post,
 * and concurrent posts are all counted.
 */
class ChatConcurrencyE2ETest extends ServiceTest {
    private User owner;
    private final List<User> members = new ArrayList<>();

    @BeforeAll
    void users() {
        owner = user(api, "BusyOwner");
        for (int i = 0; i < 3; i++) {
            members.add(user(api, "Busy" + i));
        }
    }

    private String busyChat(String title) {
        return id(chat(api, owner, title, members.toArray(User[]::new)));
    }

    /** Canonical UUID text compares as PostgreSQL compares uuids: byte by byte, unsigned. */
    private static void assertStrictlyDescending(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("item %d of %s", i, ids).isLessThan(ids.get(i - 1));
        }
    }

    /** Every message of the chat, newest first, read with cursor pages of 100 once nobody posts. */
    private List<String> everyMessage(String chat) {
        List<String> all = new ArrayList<>();
        String next = "/api/v1/chats/" + chat + "/messages?limit=100";
        while (next != null) {
            JsonNode page = get(api, owner, next);
            all.addAll(ids(page.get("items")));
            next = page.get("_links").get("next").isNull() ? null : page.get("_links").get("next").asText();
        }
        return all;
    }

    @Test
    void pagingBackwardsWhileOthersPostSeesEveryOlderMessageExactlyOnceNewestFirst() throws Exception {
        String chat = busyChat("Paged while busy");
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            seeded.add(id(message(api, owner, chat, "seed " + i)));
        }

        AtomicBoolean reading = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger postedWhileReading = new AtomicInteger();
        CountDownLatch writing = new CountDownLatch(members.size());
        ExecutorService writers = Executors.newFixedThreadPool(members.size());
        List<Future<Integer>> written = new ArrayList<>();
        try {
            for (User writer : members) {
                written.add(writers.submit(() -> {
                    int count = 0;
                    while (!stop.get() && count < 60) {
                        boolean duringRead = reading.get();
                        ApiResponse response = post(api, writer, chat, "live " + count);
                        assertThat(response.status()).as(response.text()).isEqualTo(201);
                        if (duringRead && reading.get()) {
                            postedWhileReading.incrementAndGet();
                        }
                        count++;
                        writing.countDown();
                    }
                    return count;
                }));
            }
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

            // the reader: the latest page, then older pages of 7 by following next
            reading.set(true);
            List<String> seen = new ArrayList<>();
            String newestSeen = null;
            String next = "/api/v1/chats/" + chat + "/messages?limit=7";
            while (next != null) {
                JsonNode page = get(api, members.get(0), next);
                assertThat(page.get("items").size()).isLessThanOrEqualTo(7);
                seen.addAll(ids(page.get("items")));
                if (newestSeen == null) {
                    newestSeen = seen.get(0);
                }
                next = page.get("_links").get("next").isNull() ? null : page.get("_links").get("next").asText();
            }
            reading.set(false);
            stop.set(true);
            for (Future<Integer> writer : written) {
                assertThat(writer.get(30, TimeUnit.SECONDS)).isPositive();
            }

            assertThat(postedWhileReading.get()).as("posts that overlapped the paging").isPositive();
            assertThat(seen).doesNotHaveDuplicates();
            assertStrictlyDescending(seen);
            for (String seed : seeded) {
                assertThat(Collections.frequency(seen, seed)).as("seeded message %s", seed).isEqualTo(1);
            }
            List<String> all = everyMessage(chat);
            assertThat(all).containsAll(seen);
            // nothing at or below where the reader started was missed
            assertThat(seen).containsExactlyElementsOf(all.subList(all.indexOf(newestSeen), all.size()));

            // and a client that started at the newest it saw catches up with after, without gaps either
            List<String> caughtUp = new ArrayList<>();
            next = "/api/v1/chats/" + chat + "/messages?limit=7&after=" + newestSeen;
            while (next != null) {
                JsonNode page = get(api, members.get(0), next);
                caughtUp.addAll(ids(page.get("items")));
                next = page.get("_links").get("next").isNull() ? null : page.get("_links").get("next").asText();
            }
            Collections.reverse(caughtUp);
            assertThat(caughtUp).containsExactlyElementsOf(all.subList(0, all.indexOf(newestSeen)));
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
    }

    @Test
    void eightThreadsPostingTwentyMessagesEachAreAllCounted() throws Exception {
        String chat = busyChat("Crowded");
        List<User> authors = new ArrayList<>(members);
        authors.add(owner);
        int threads = 8;
        int each = 20;
        Map<String, Integer> perAuthor = new ConcurrentHashMap<>();
        Set<String> created = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                User author = authors.get(t % authors.size());
                int thread = t;
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < each; i++) {
                        ApiResponse response = post(api, author, chat, "thread " + thread + " message " + i);
                        assertThat(response.status()).as(response.text()).isEqualTo(201);
                        created.add(response.json().get("id").asText());
                        perAuthor.merge(author.id(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<?> thread : done) {
                thread.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(created).hasSize(threads * each);
        JsonNode chatNow = get(api, owner, "/api/v1/chats/" + chat + "?limit=1").get("chat");
        assertThat(chatNow.get("message_count").asInt()).isEqualTo(160);
        List<String> listed = everyMessage(chat);
        assertThat(listed).hasSize(160).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(created);
        assertStrictlyDescending(listed);

        JsonNode stats = get(api, owner, "/api/v1/chats/" + chat + "/stats");
        assertThat(stats.get("message_count").asInt()).isEqualTo(160);
        stats.get("per_author").forEach(author -> assertThat(author.get("count").asInt())
                .isEqualTo(perAuthor.get(author.get("user_id").asText())));
        assertThat(stats.get("per_author")).hasSize(4);
        assertThat(get(api, owner, "/api/v1/chats?q=Crowded").get("items").get(0).get("message_count").asInt()).isEqualTo(160);
    }
}
