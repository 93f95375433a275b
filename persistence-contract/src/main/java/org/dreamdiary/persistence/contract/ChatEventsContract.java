package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestChats.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link ChatEvents} port promises: an event reaches the subscribers once the
 * transaction that published it commits, never before and never if it rolls back, each event once and in commit
 * order, messages as they were stored; a subscriber that fails keeps no other from hearing. The store is started
 * ({@link org.dreamdiary.application.port.out.Storage#start}) before the first test, as the service starts it.
 */
public abstract class ChatEventsContract extends StorageContract {
    private Deliveries deliveries;
    private ChatEvents events;
    private TestChats data;
    private UserId owner;
    private UserId member;
    private Chat chat;

    @BeforeAll
    final void listen() {
        deliveries = Deliveries.listeningTo(storage);
        events = storage.chatEvents();
        data = new TestChats(storage);
    }

    @BeforeEach
    final void aChatOfTwo() {
        owner = data.user();
        member = data.user();
        chat = data.chat(owner, "Live", member);
    }

    @Test
    void givenAnEventPublishedInsideATransaction_whenNotYetCommitted_thenNoSubscriberHasItUntilTheCommit() {
        Message message = storage.transactions().inTransaction(() -> {
            Message posted = postAndPublish("Wait for it");
            deliveries.othersCommitsHaveArrived();
            assertEquals(List.of(), deliveries.of(chat.id()));
            return posted;
        });

        deliveries.awaitEvents("the created event after the commit", chat.id(), 1);
        deliveries.everythingCommittedSoFarHasArrived();
        assertEquals(List.of(ChatEvent.created(message)), deliveries.of(chat.id()));
    }

    @Test
    void givenABatchOfMessagesPublishedTogether_whenCommitted_thenEachArrivesAsStoredInTheOrderGiven() {
        List<Message> batch = storage.transactions().inTransaction(() -> {
            List<Message> posted = data.postTogether(chat.id(), List.of(member, owner, member, owner), T0);
            events.publishAll(posted.stream().map(ChatEvent::created).toList());
            deliveries.othersCommitsHaveArrived();
            assertEquals(List.of(), deliveries.of(chat.id()));
            return posted;
        });

        deliveries.awaitEvents("the four created events", chat.id(), 4);
        deliveries.everythingCommittedSoFarHasArrived();
        assertEquals(batch.stream().map(ChatEvent::created).toList(), deliveries.of(chat.id()));
    }

    @Test
    void givenAnEventPublishedInsideATransaction_whenItRollsBack_thenNothingArrives() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> storage.transactions().inTransaction(() -> {
                    postAndPublish("Never mind");
                    events.publish(ChatEvent.memberRemoved(chat.id(), member));
                    throw new IllegalStateException("changed my mind");
                }));

        assertEquals("changed my mind", failure.getMessage());
        deliveries.everythingCommittedSoFarHasArrived();
        assertEquals(List.of(), deliveries.of(chat.id()));
        assertEquals(List.of(), data.all(owner, chat.id()));
    }

    @Test
    void givenAMessageCreatedEditedAndDeleted_whenTheEventsArrive_thenInThatOrderCarryingTheMessageAsStored() {
        // 5,000 Cyrillic characters: 10,000 bytes in UTF-8
        String longText = "ж".repeat(MessageText.MAX_LENGTH);
        Message posted = storage.transactions().inTransaction(() -> postAndPublish(longText));
        deliveries.awaitEvents("the created event", chat.id(), 1);
        Message edited = posted.edit(new MessageText("Короче"), T0.plusSeconds(60));
        storage.transactions().inTransaction(() -> {
            storage.messages().update(edited);
            events.publish(ChatEvent.updated(edited));
            return null;
        });
        deliveries.awaitEvents("the updated event", chat.id(), 2);
        storage.transactions().inTransaction(() -> {
            assertTrue(storage.messages().delete(chat.id(), posted.id(), OptionalLong.empty()));
            events.publish(ChatEvent.deleted(chat.id(), posted.id()));
            return null;
        });
        deliveries.awaitEvents("the deleted event", chat.id(), 3);

        deliveries.everythingCommittedSoFarHasArrived();
        List<ChatEvent> arrived = deliveries.of(chat.id());
        assertEquals(List.of(ChatEvent.created(posted), ChatEvent.updated(edited), ChatEvent.deleted(chat.id(), posted.id())),
                arrived);
        assertEquals(MessageText.MAX_LENGTH, arrived.get(0).message().text().value().length());
    }

    @Test
    void givenChatAndMembershipEvents_whenPublished_thenTheyArriveAsTheyWereSent() {
        storage.transactions().inTransaction(() -> {
            events.publish(ChatEvent.memberRemoved(chat.id(), member));
            events.publish(ChatEvent.chatDeleted(chat.id()));
            return null;
        });

        deliveries.awaitEvents("both events", chat.id(), 2);
        deliveries.everythingCommittedSoFarHasArrived();
        assertEquals(List.of(ChatEvent.memberRemoved(chat.id(), member), ChatEvent.chatDeleted(chat.id())),
                deliveries.of(chat.id()));
    }

    /** Posts to one chat commit one after the other, with growing ids: their events arrive in id order. */
    @Test
    void givenMembersPostingAtOnce_whenEachPublishesItsPost_thenEveryEventArrivesOnceInCommitOrder() {
        int writers = 3;
        int postsEach = 10;
        List<UserId> posters = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            posters.add(data.user());
        }
        Chat crowded = data.chat(owner, "Crowded", posters.toArray(UserId[]::new));
        List<Message> posted = new CopyOnWriteArrayList<>();
        List<Runnable> calls = new ArrayList<>();
        for (UserId poster : posters) {
            calls.add(() -> {
                for (int i = 0; i < postsEach; i++) {
                    String text = "post " + i;
                    posted.add(storage.transactions().inTransaction(() -> {
                        Message message = data.post(poster, crowded.id(), text, T0, TestChats.freshId());
                        events.publish(ChatEvent.created(message));
                        return message;
                    }));
                }
            });
        }
        AllAtOnce.run(calls);

        deliveries.awaitEvents("every created event", crowded.id(), writers * postsEach);
        deliveries.everythingCommittedSoFarHasArrived();
        List<ChatEvent> arrived = deliveries.of(crowded.id());
        assertEquals(writers * postsEach, new HashSet<>(arrived).size(), "each once");
        List<ChatEvent> inIdOrder = posted.stream()
                .sorted(Comparator.comparing(Message::id, (a, b) -> TestChats.compareUnsigned(a.value(), b.value())))
                .map(ChatEvent::created).toList();
        assertEquals(inIdOrder, arrived);
        assertEquals(1, deliveries.deliveringThreads().size(), "delivered on one thread");
        List<Message> stored = new ArrayList<>(data.all(owner, crowded.id()));
        Collections.reverse(stored);
        assertEquals(stored, inIdOrder.stream().map(ChatEvent::message).toList());
    }

    @Test
    void givenASubscriberThatFails_whenEventsArrive_thenTheSubscribersAfterItAndLaterEventsStillHear() {
        ChatId poisoned = new ChatId(UUID.randomUUID());
        List<ChatEvent> heardAfter = new CopyOnWriteArrayList<>();
        events.subscribe(event -> {
            if (event.chat().equals(poisoned)) {
                throw new IllegalStateException("a subscriber that fails, as the test wants");
            }
        });
        events.subscribe(event -> {
            if (event.chat().equals(poisoned)) {
                heardAfter.add(event);
            }
        });

        events.publish(ChatEvent.memberRemoved(poisoned, member));
        events.publish(ChatEvent.chatDeleted(poisoned));

        Await.until("both events at the later subscriber", () -> heardAfter.size() == 2);
        assertEquals(List.of(ChatEvent.memberRemoved(poisoned, member), ChatEvent.chatDeleted(poisoned)), heardAfter);
        assertEquals(heardAfter, deliveries.of(poisoned));
    }

    /** Posts as the member and publishes its creation, in the caller's transaction. */
    private Message postAndPublish(String text) {
        Message message = data.post(member, chat.id(), text, T0);
        events.publish(ChatEvent.created(message));
        return message;
    }
}
