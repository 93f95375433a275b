package org.dreamdiary.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link SessionEvents} port promises: ended sessions reach the subscribers once
 * the transaction that published them commits, never before and never if it rolls back, in commit order with the
 * chat events published beside them (an account's deletion ends its sessions before its chats, so that its own
 * connections close as a session's end); and {@link SessionEvents#caughtUpWithin} says truly whether what was
 * committed has arrived. The store is started before the first test, as the service starts it.
 */
public abstract class SessionEventsContract extends StorageContract {
    private Deliveries deliveries;
    private SessionEvents sessions;

    @BeforeAll
    final void listen() {
        deliveries = Deliveries.listeningTo(storage);
        sessions = storage.sessionEvents();
    }

    @Test
    void givenEndedSessionsPublishedWithChatEvents_whenCommitted_thenAllArriveInTheOrderSentAndOnlyThen() {
        UserId user = new UserId(UUID.randomUUID());
        UserId other = new UserId(UUID.randomUUID());
        ChatId chat = new ChatId(UUID.randomUUID());
        List<Object> sent = List.of(SessionsEnded.allOfUser(user), ChatEvent.chatDeleted(chat),
                SessionsEnded.one(new SessionId(UUID.randomUUID())),
                SessionsEnded.allOfUserBut(other, new SessionId(UUID.randomUUID())));
        storage.transactions().inTransaction(() -> {
            for (Object each : sent) {
                if (each instanceof SessionsEnded ended) {
                    sessions.publish(ended);
                } else {
                    storage.chatEvents().publish((ChatEvent) each);
                }
            }
            deliveries.othersCommitsHaveArrived();
            assertEquals(List.of(), arrivedOf(sent));
            return null;
        });

        Await.until("all four", () -> arrivedOf(sent).size() == sent.size());
        deliveries.everythingCommittedSoFarHasArrived();
        assertEquals(sent, arrivedOf(sent));
    }

    @Test
    void givenEndedSessionsPublishedInsideATransaction_whenItRollsBack_thenNothingArrives() {
        SessionsEnded ended = SessionsEnded.allOfUser(new UserId(UUID.randomUUID()));

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            sessions.publish(ended);
            throw new IllegalStateException("changed my mind");
        }));

        deliveries.everythingCommittedSoFarHasArrived();
        assertFalse(deliveries.all().contains(ended));
    }

    @Test
    void givenASessionEndCommitted_whenTheBusIsCaughtUpToAMomentAfterTheCommit_thenTheEndHasArrived() {
        for (int i = 0; i < 5; i++) {
            SessionsEnded ended = SessionsEnded.one(new SessionId(UUID.randomUUID()));
            sessions.publish(ended);
            long committedAt = System.nanoTime();

            Await.until("caught up past the commit",
                    () -> sessions.caughtUpWithin(Duration.ofNanos(System.nanoTime() - committedAt)));

            assertTrue(deliveries.all().contains(ended), "arrived once caught up");
        }
    }

    @Test
    void givenAnEndNotYetDelivered_whenTheLagAskedAboutHasPassed_thenNotCaughtUpUntilItArrives() {
        Duration lag = Duration.ofMillis(500);
        SessionsEnded waiting = SessionsEnded.one(new SessionId(UUID.randomUUID()));
        CountDownLatch release = deliveries.holdSessionDeliveries();
        long committedAt;
        try {
            sessions.publish(waiting);
            committedAt = System.nanoTime();

            Await.until("no longer caught up within " + lag.toMillis() + " ms", () -> !sessions.caughtUpWithin(lag));
            assertFalse(deliveries.all().contains(waiting));
        } finally {
            release.countDown();
        }

        // caught up with a lag shorter than the time since the commit: the end itself must have arrived (with the
        // lag asked about before, a commit younger than the lag may still be on its way, and rightly so)
        Await.until("caught up past the commit",
                () -> sessions.caughtUpWithin(Duration.ofNanos(System.nanoTime() - committedAt)));
        assertTrue(deliveries.all().contains(waiting));
    }

    /** The arrivals that are among {@code sent}, in the order they arrived. */
    private List<Object> arrivedOf(List<Object> sent) {
        return deliveries.all().stream().filter(sent::contains).toList();
    }
}
