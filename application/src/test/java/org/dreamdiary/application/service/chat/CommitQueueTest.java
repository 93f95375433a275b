package org.dreamdiary.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.dreamdiary.application.service.chat.CommitQueue.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit with a committer the test holds: a batch's commit is in flight until the test lets it finish,
 * so what arrives meanwhile is known to be queued. Posts are strings, answered in upper case.
 */
class CommitQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService posters = Executors.newFixedThreadPool(12);
    /** Every batch committed, per key, in commit order. */
    private final Map<String, List<List<String>>> committed = new ConcurrentHashMap<>();
    /** Posts whose batch's commit is held until the test completes their gate. */
    private final Map<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>();
    /** Posts whose batch the committer throws for as a whole. */
    private final List<String> breaking = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    private CommitQueue<String, String, String> queue = queue(64, WAIT);

    @AfterEach
    void stop() {
        posters.shutdownNow();
    }

    private CommitQueue<String, String, String> queue(int maxBatch, Duration patience) {
        return new CommitQueue<>(maxBatch, patience, this::commit, () -> new IllegalStateException("took too long"));
    }

    private List<Outcome<String>> commit(String key, List<String> posts) {
        started.addAll(posts);
        posts.stream().filter(held::containsKey).forEach(post -> held.get(post).join());
        if (posts.stream().anyMatch(breaking::contains)) {
            throw new IllegalArgumentException("the batch failed");
        }
        committed.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(List.copyOf(posts));
        return posts.stream().map(post -> post.startsWith("bad")
                ? Outcome.<String>failed(new IllegalArgumentException("refused " + post))
                : Outcome.done(post.toUpperCase())).toList();
    }

    private Future<String> post(String key, String post) {
        return posters.submit(() -> queue.submit(key, post));
    }

    /** Holds the commit of {@code post}'s batch until the gate returned is completed. */
    private CompletableFuture<Void> inFlight(String post) {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        held.put(post, gate);
        return gate;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Queues {@code posts} one after the other, each once the one before is seen waiting. */
    private List<Future<String>> queueUp(String key, List<String> posts) throws InterruptedException {
        List<Future<String>> answers = new ArrayList<>();
        int before = queue.waiting(key);
        for (String each : posts) {
            answers.add(post(key, each));
            int expected = before + answers.size();
            await(() -> queue.waiting(key) == expected);
        }
        return answers;
    }

    private static String answer(Future<String> answer) throws Exception {
        return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Throwable failure(Future<String> answer) {
        return assertThatThrownBy(() -> answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).actual().getCause();
    }

    @Test
    void aPostToAnIdleChatIsCommittedAloneAndAnsweredWithItsOwnResult() throws Exception {
        assertThat(queue.submit("chat", "hello")).isEqualTo("HELLO");

        assertThat(committed.get("chat")).containsExactly(List.of("hello"));
        assertThat(queue.waiting("chat")).isZero();
    }

    @Test
    void postsArrivingWhileACommitIsInFlightAreCommittedTogetherInArrivalOrder() throws Exception {
        CompletableFuture<Void> first = inFlight("first");
        Future<String> firstAnswer = post("chat", "first");
        await(() -> started.contains("first"));

        List<Future<String>> answers = queueUp("chat", List.of("a", "b", "c", "d", "e"));
        first.complete(null);

        assertThat(answer(firstAnswer)).isEqualTo("FIRST");
        List<String> results = new ArrayList<>();
        for (Future<String> each : answers) {
            results.add(answer(each));
        }
        assertThat(results).containsExactly("A", "B", "C", "D", "E");
        assertThat(committed.get("chat")).containsExactly(List.of("first"), List.of("a", "b", "c", "d", "e"));
    }

    @Test
    void aLeaderIsAnsweredAfterItsOwnCommitWhileTheNextBatchIsStillInFlight() throws Exception {
        CompletableFuture<Void> first = inFlight("first");
        Future<String> firstAnswer = post("chat", "first");
        await(() -> started.contains("first"));
        inFlight("second");
        Future<String> secondAnswer = queueUp("chat", List.of("second")).get(0);

        first.complete(null);

        assertThat(answer(firstAnswer)).isEqualTo("FIRST");
        await(() -> started.contains("second"));
        assertThat(secondAnswer).isNotDone();
        held.get("second").complete(null);
        assertThat(answer(secondAnswer)).isEqualTo("SECOND");
    }

    @Test
    void aBatchTakesAtMostTheBoundAndTheRestFollowsInTheNextOnes() throws Exception {
        queue = queue(3, WAIT);
        CompletableFuture<Void> first = inFlight("first");
        Future<String> firstAnswer = post("chat", "first");
        await(() -> started.contains("first"));
        List<Future<String>> answers = queueUp("chat", List.of("1", "2", "3", "4", "5", "6", "7"));

        first.complete(null);

        answer(firstAnswer);
        for (Future<String> each : answers) {
            answer(each);
        }
        assertThat(committed.get("chat")).containsExactly(List.of("first"), List.of("1", "2", "3"),
                List.of("4", "5", "6"), List.of("7"));
    }

    @Test
    void aPostRefusedOnItsOwnFailsOnlyItsCallerAndABatchThatFailsWholeFailsEachOfItsPosts() throws Exception {
        CompletableFuture<Void> first = inFlight("first");
        Future<String> firstAnswer = post("chat", "first");
        await(() -> started.contains("first"));
        List<Future<String>> answers = queueUp("chat", List.of("a", "bad one", "b"));
        first.complete(null);

        assertThat(answer(answers.get(0))).isEqualTo("A");
        assertThat(failure(answers.get(1))).hasMessage("refused bad one");
        assertThat(answer(answers.get(2))).isEqualTo("B");
        assertThat(answer(firstAnswer)).isEqualTo("FIRST");

        breaking.add("broken");
        assertThat(failure(post("chat", "broken"))).hasMessage("the batch failed");
        assertThat(queue.submit("chat", "after")).as("the chat goes on").isEqualTo("AFTER");
    }

    @Test
    void chatsCommitIndependently() throws Exception {
        CompletableFuture<Void> stuck = inFlight("stuck");
        Future<String> stuckAnswer = post("one", "stuck");
        await(() -> started.contains("stuck"));

        assertThat(answer(post("two", "meanwhile"))).isEqualTo("MEANWHILE");

        stuck.complete(null);
        assertThat(answer(stuckAnswer)).isEqualTo("STUCK");
    }

    @Test
    void aPostThatWaitsLongerThanThePatienceIsRefusedAndNeverCommitted() throws Exception {
        queue = queue(64, Duration.ofMillis(300));
        CompletableFuture<Void> stuck = inFlight("stuck");
        Future<String> stuckAnswer = post("chat", "stuck");
        await(() -> started.contains("stuck"));
        Future<String> late = post("chat", "late");

        assertThat(failure(late)).hasMessage("took too long");
        assertThat(queue.waiting("chat")).isZero();
        stuck.complete(null);

        assertThat(answer(stuckAnswer)).as("a leader's own commit is bounded by the database, not the queue")
                .isEqualTo("STUCK");
        assertThat(queue.submit("chat", "next")).isEqualTo("NEXT");
        assertThat(committed.get("chat")).containsExactly(List.of("stuck"), List.of("next"));
    }
}
