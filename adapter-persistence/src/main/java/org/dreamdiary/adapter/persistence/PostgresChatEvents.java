package org.dreamdiary.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat events, and the ends of sessions ({@link #sessions()}), between the nodes of the service, through PostgreSQL
 * {@code NOTIFY} on one channel, so that both arrive in commit order: an event is sent inside the
 * transaction that caused it, so PostgreSQL hands it out when that transaction commits and never if it rolls back.
 * Every node {@code LISTEN}s on one connection of its own, outside the pool, and opens it again whenever it is lost.
 * It pings that connection every {@value #PING_EVERY_MILLIS} ms: PostgreSQL sends a notification committed before a
 * query arrives ahead of that query's answer, so once the answer is in and the notifications before it delivered,
 * everything committed before the ping was sent has been delivered ({@link SessionEvents#caughtUpWithin}).
 * A notification carries ids only (its payload is limited to 8000 bytes, a message is up to 20000); the receiving
 * node reads the messages of a whole batch of notifications in one query.
 */
public final class PostgresChatEvents implements ChatEvents, AutoCloseable {
    /** What a listening connection calls itself in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "dream-diary-chat-events";
    static final String CHANNEL = "dream_diary_chat_events";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChatEvents.class);
    /** Well under the one second within which ended sessions must be heard on every node. */
    static final int PING_EVERY_MILLIS = 250;
    /** How long the listening connection may keep a ping unanswered before it counts as lost. */
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Opens a plain connection to the service's database. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Jdbi jdbi;
    private final JdbiMessages messages;
    private final Connector connector;
    private final List<Consumer<ChatEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionsEnded>> sessionListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> gapListeners = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean running = true;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean listening;
    /** {@link System#nanoTime} when the last ping was sent by which every earlier commit had been delivered. */
    private volatile long caughtUpTo = longAgo();

    public PostgresChatEvents(Jdbi jdbi, JdbiMessages messages, Connector connector) {
        this.jdbi = jdbi;
        this.messages = messages;
        this.connector = connector;
        this.listener = new Thread(this::listen, "chat-events-listener");
        listener.setDaemon(true);
    }

    /**
     * Starts listening, and waits up to {@code patience} for the first {@code LISTEN} to be in place, so that a
     * node that has started misses nothing; if the database is not there yet, listening goes on trying.
     */
    public PostgresChatEvents start(Duration patience) {
        listener.start();
        try {
            if (!firstListen.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("not yet listening for chat events after {} ms; still trying", patience.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    @Override
    public void publish(ChatEvent event) {
        notify(NotificationPayload.of(event));
    }

    /** One statement for them all, notifying in the order given. */
    @Override
    public void publishAll(List<ChatEvent> events) {
        jdbi.useHandle(handle -> handle.createQuery("SELECT pg_notify(:channel, payload) FROM (SELECT payload"
                        + " FROM unnest(:payloads) WITH ORDINALITY AS p(payload, n) ORDER BY n) AS ordered")
                .bind("channel", CHANNEL)
                .bindArray("payloads", String.class, events.stream().map(NotificationPayload::of).toList())
                .mapTo(String.class).list());
    }

    @Override
    public void subscribe(Consumer<ChatEvent> listener) {
        listeners.add(listener);
    }

    /** The ends of sessions, on the same channel and listening connection as the chat events. */
    public SessionEvents sessions() {
        return new SessionEvents() {
            @Override
            public void publish(SessionsEnded ended) {
                PostgresChatEvents.this.notify(NotificationPayload.of(ended));
            }

            @Override
            public void subscribe(Consumer<SessionsEnded> listener) {
                sessionListeners.add(listener);
            }

            @Override
            public void subscribeToGaps(Runnable listener) {
                gapListeners.add(listener);
            }

            @Override
            public boolean caughtUpWithin(Duration lag) {
                return System.nanoTime() - caughtUpTo < lag.toNanos();
            }
        };
    }

    private void notify(String payload) {
        jdbi.useHandle(handle -> handle.createQuery("SELECT pg_notify(:channel, :payload)")
                .bind("channel", CHANNEL).bind("payload", payload)
                .mapTo(String.class).list());
    }

    /** Whether the listening connection is up at this moment. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            listener.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection connection = connector.open()) {
                // a connection silently gone would otherwise keep a ping waiting, and this node deaf, for good
                connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                    statement.execute("LISTEN " + CHANNEL);
                }
                // whatever was committed before the LISTEN is never heard: whoever relied on hearing it must know
                dispatch(gapListeners);
                listening = true;
                firstListen.countDown();
                LOG.info("listening for chat events");
                backoff = Duration.ofMillis(100);
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("the chat-event connection failed; opening it again in {} ms: {}", backoff.toMillis(),
                            e.toString());
                }
            } finally {
                listening = false;
                caughtUpTo = longAgo();
            }
            backoff = pause(backoff);
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
            long pingSentAt = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            // every notification committed before the ping came ahead of its answer: deliver them, then say so
            deliver(postgres.getNotifications());
            caughtUpTo = pingSentAt;
            long nextPing = pingSentAt + TimeUnit.MILLISECONDS.toNanos(PING_EVERY_MILLIS);
            for (long left = nextPing - System.nanoTime(); running && left > 0; left = nextPing - System.nanoTime()) {
                deliver(postgres.getNotifications((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    private void deliver(PGNotification[] batch) {
        if (batch == null || batch.length == 0) {
            return;
        }
        List<Object> events = new ArrayList<>(batch.length);
        for (PGNotification notification : batch) {
            if (CHANNEL.equals(notification.getName())) {
                String payload = notification.getParameter();
                NotificationPayload.parseSessionsEnded(payload).<Object>map(Function.identity())
                        .or(() -> NotificationPayload.parse(payload))
                        .ifPresentOrElse(events::add, () -> LOG.warn("ignored an event that cannot be read"));
            }
        }
        List<MessageId> wanted = events.stream().filter(ChatEvent.class::isInstance).map(ChatEvent.class::cast)
                .filter(event -> event.messageId() != null && event.kind().carriesMessage())
                .map(ChatEvent::messageId).distinct().toList();
        Map<MessageId, Message> stored = wanted.isEmpty() ? Map.of()
                : messages.byIds(wanted).stream().collect(Collectors.toMap(Message::id, Function.identity()));
        for (Object each : events) {
            if (each instanceof SessionsEnded ended) {
                dispatch(sessionListeners, ended);
            } else if (each instanceof ChatEvent event && !event.kind().carriesMessage()) {
                dispatch(listeners, event);
            } else if (each instanceof ChatEvent event && stored.containsKey(event.messageId())) {
                // a message deleted meanwhile is not found; its deletion event follows, so skipping loses nothing
                dispatch(listeners, event.with(stored.get(event.messageId())));
            }
        }
    }

    private static void dispatch(List<Runnable> subscribers) {
        for (Runnable each : subscribers) {
            try {
                each.run();
            } catch (RuntimeException e) {
                LOG.warn("a gap listener failed", e);
            }
        }
    }

    private static <E> void dispatch(List<Consumer<E>> subscribers, E event) {
        for (Consumer<E> each : subscribers) {
            try {
                each.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed", e);
            }
        }
    }

    /** A {@link System#nanoTime} further back than any lag asked about, without overflowing a difference. */
    private static long longAgo() {
        return System.nanoTime() - Long.MAX_VALUE / 2;
    }

    private Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
}
