package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.adapter.persistence.ChatFixture.T0;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What only the event bus on PostgreSQL's NOTIFY shows, beside the {@link JdbiChatEventsTest} and
 * {@link JdbiSessionEventsTest} of the kit: it listens on a connection of its own, which comes back by itself when it
 * is cut (and says so, as a gap); notifications carry ids, so a message deleted before its creation was delivered
 * arrives as its deletion only; a closed bus hears no more. NOTIFY channels belong to the whole database, not to this test's schema, so every check
 * looks only at events of chats made here. "Everything published so far has arrived" is shown by publishing a
 * marker after it and waiting for the marker: one listener delivers in commit order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresChatEventsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String LISTENER_THREAD = "chat-events-listener";

    private ChatFixture data;
    private PostgresChatEvents events;
    private final List<ChatEvent> received = new CopyOnWriteArrayList<>();
    /** How many times the bus said that ended sessions may have been missed. */
    private final AtomicInteger gaps = new AtomicInteger();
    /** Events of these chats keep the listener waiting in the subscriber until the latch opens. */
    private final Map<ChatId, CountDownLatch> holding = new ConcurrentHashMap<>();
    private UserId owner;
    private UserId member;
    private Chat chat;

    @BeforeAll
    void startListening() {
        data = ChatFixture.onFreshSchema();
        events = listener();
        events.sessions().subscribeToGaps(gaps::incrementAndGet);
        events.subscribe(event -> {
            received.add(event);
            CountDownLatch hold = holding.get(event.chat());
            if (hold != null) {
                try {
                    hold.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        events.start(PATIENCE);
    }

    @AfterAll
    void stopListening() {
        events.close();
    }

    @BeforeEach
    void aChatOfTwo() {
        owner = data.user();
        member = data.user();
        chat = data.chat(owner, "Live", member);
    }

    @Test
    void givenAStartedBus_whenAsked_thenItIsListeningOnAConnectionOfItsOwn() {
        assertThat(events.listening()).isTrue();
        assertThat(listenerPids()).isNotEmpty();
    }

    @Test
    void givenAMessageDeletedBeforeItsCreationWasDelivered_whenTheEventsArrive_thenOnlyItsDeletion() throws Exception {
        CountDownLatch release = holdTheListener();
        try {
            Message posted = data.transactions.inTransaction(() -> postAndPublish("Blink and you miss it"));
            data.transactions.inTransaction(() -> {
                assertThat(data.messages.delete(chat.id(), posted.id(), OptionalLong.empty())).isTrue();
                events.publish(ChatEvent.deleted(chat.id(), posted.id()));
                return null;
            });
            assertThat(eventsOf(chat.id())).isEmpty();
            release.countDown();

            awaitTrue("the deleted event", () -> !eventsOf(chat.id()).isEmpty());
            everythingCommittedSoFarHasArrived();
            assertThat(eventsOf(chat.id())).containsExactly(ChatEvent.deleted(chat.id(), posted.id()));
        } finally {
            release.countDown();
        }
    }

    @Test
    void givenTheListeningConnectionIsCut_whenTheDatabaseTerminatesIt_thenTheBusListensAgainReportsTheGapAndLaterEventsArrive() {
        Set<Integer> cut = listenerPids();
        assertThat(cut).isNotEmpty();
        int gapsBefore = gaps.get();

        int terminated = data.jdbi.withHandle(handle -> handle.createQuery("SELECT pg_terminate_backend(pid) FROM"
                        + " pg_stat_activity WHERE application_name = :name")
                .bind("name", PostgresChatEvents.APPLICATION_NAME).mapTo(Boolean.class).list().size());
        assertThat(terminated).isEqualTo(cut.size());

        awaitTrue("a new listening connection", () -> {
            Set<Integer> now = listenerPids();
            now.removeAll(cut);
            return !now.isEmpty() && events.listening();
        });
        assertThat(gaps).hasValueGreaterThan(gapsBefore);
        Message later = data.transactions.inTransaction(() -> postAndPublish("Still there?"));
        awaitTrue("the event published after reconnecting", () -> !eventsOf(chat.id()).isEmpty());
        assertThat(eventsOf(chat.id())).containsExactly(ChatEvent.created(later));
    }

    @Test
    void givenTheListeningConnectionCutAndNotYetBack_whenAsked_thenTheBusIsNotCaughtUpUntilItListensAndReportsTheGap() {
        AtomicBoolean databaseReachable = new AtomicBoolean(true);
        AtomicInteger itsGaps = new AtomicInteger();
        Set<Integer> pidsBefore = listenerPids();
        PostgresChatEvents second = new PostgresChatEvents(data.jdbi, data.messages, () -> {
            if (!databaseReachable.get()) {
                throw new SQLException("unreachable, as the test wants");
            }
            return DriverManager.getConnection(data.schema.jdbcUrl(), data.schema.user(), data.schema.password());
        });
        second.sessions().subscribeToGaps(itsGaps::incrementAndGet);
        try {
            second.start(PATIENCE);
            SessionEvents itsSessions = second.sessions();
            awaitTrue("caught up at first", () -> itsSessions.caughtUpWithin(Duration.ofSeconds(1)));
            assertThat(itsGaps).hasValue(1);
            awaitTrue("its connection", () -> listenerPids().size() == pidsBefore.size() + 1);
            Set<Integer> itsPid = listenerPids();
            itsPid.removeAll(pidsBefore);

            databaseReachable.set(false);
            data.jdbi.useHandle(handle -> handle.createQuery("SELECT pg_terminate_backend(:pid)")
                    .bind("pid", itsPid.iterator().next()).mapTo(Boolean.class).one());

            awaitTrue("no longer caught up", () -> !itsSessions.caughtUpWithin(Duration.ofSeconds(1)));
            assertThat(second.listening()).isFalse();
            databaseReachable.set(true);
            awaitTrue("caught up again", () -> itsSessions.caughtUpWithin(Duration.ofSeconds(1)));
            assertThat(itsGaps).hasValue(2);
        } finally {
            second.close();
        }
    }

    @Test
    void givenASecondBus_whenClosed_thenItsThreadAndConnectionAreGoneAndItReceivesNoMore() {
        Set<Thread> before = listenerThreads();
        Set<Integer> pidsBefore = listenerPids();
        List<ChatEvent> seenBySecond = new CopyOnWriteArrayList<>();
        PostgresChatEvents second = listener();
        second.subscribe(seenBySecond::add);
        second.start(PATIENCE);
        Set<Thread> started = listenerThreads();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        Thread thread = started.iterator().next();
        awaitTrue("the second bus's connection", () -> listenerPids().size() == pidsBefore.size() + 1);
        Set<Integer> itsPid = listenerPids();
        itsPid.removeAll(pidsBefore);
        assertThat(second.listening()).isTrue();

        second.close();

        assertThat(thread.isAlive()).isFalse();
        assertThat(second.listening()).isFalse();
        awaitTrue("its connection to end", () -> listenerPids().stream().noneMatch(itsPid::contains));
        Message afterwards = data.transactions.inTransaction(() -> postAndPublish("Anyone?"));
        awaitTrue("the event at the first bus", () -> !eventsOf(chat.id()).isEmpty());
        assertThat(eventsOf(chat.id())).containsExactly(ChatEvent.created(afterwards));
        assertThat(seenBySecond).noneMatch(event -> event.chat().equals(chat.id()));
    }

    private PostgresChatEvents listener() {
        return new PostgresChatEvents(data.jdbi, data.messages,
                () -> DriverManager.getConnection(data.schema.jdbcUrl(), data.schema.user(), data.schema.password()));
    }

    /** Posts as the member and publishes its creation, in the caller's transaction. */
    private Message postAndPublish(String text) {
        Message message = data.post(member, chat.id(), text, T0);
        events.publish(ChatEvent.created(message));
        return message;
    }

    /** Makes the listener wait inside a subscriber until the returned latch opens. */
    private CountDownLatch holdTheListener() {
        ChatId blocker = new ChatId(UUID.randomUUID());
        CountDownLatch release = new CountDownLatch(1);
        holding.put(blocker, release);
        publishOutsideAnyTransaction(ChatEvent.chatDeleted(blocker));
        awaitTrue("the listener to be held", () -> !eventsOf(blocker).isEmpty());
        return release;
    }

    /** Publishes a marker on a thread and connection of its own (committed at once) and waits for it to arrive. */
    private void everythingCommittedSoFarHasArrived() {
        ChatId marker = new ChatId(UUID.randomUUID());
        publishOutsideAnyTransaction(ChatEvent.chatDeleted(marker));
        awaitTrue("the marker event", () -> !eventsOf(marker).isEmpty());
    }

    private void publishOutsideAnyTransaction(ChatEvent event) {
        CompletableFuture.runAsync(() -> events.publish(event)).orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    private List<ChatEvent> eventsOf(ChatId chatId) {
        return received.stream().filter(event -> event.chat().equals(chatId)).toList();
    }

    /** Backend pids of every listening connection on the server. */
    private Set<Integer> listenerPids() {
        return new HashSet<>(data.jdbi.withHandle(handle -> handle.createQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE application_name = :name")
                .bind("name", PostgresChatEvents.APPLICATION_NAME).mapTo(Integer.class).list()));
    }

    private static Set<Thread> listenerThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(LISTENER_THREAD) && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
