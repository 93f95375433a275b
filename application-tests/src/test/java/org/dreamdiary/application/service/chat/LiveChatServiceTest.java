package org.dreamdiary.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.chat.ChatWorld.ALICE;
import static org.dreamdiary.application.service.chat.ChatWorld.BOB;
import static org.dreamdiary.application.service.chat.ChatWorld.CAROL;
import static org.dreamdiary.application.service.chat.ChatWorld.DAVE;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.chat.WatchChat.Subscription;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.TooManyAttemptsException;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class LiveChatServiceTest {

    @AutoClose
    private final ChatWorld world = new ChatWorld();
    private final LiveChatService live = world.live;
    /** Alice's chat with Bob and Carol; Dave is an outsider. */
    private final ChatId team = world.team();

    /** What one open socket received, on the store's delivery thread. */
    private static final class Received implements Consumer<ChatEvent> {
        final List<ChatEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(ChatEvent event) {
            events.add(event);
        }
    }

    private Received watching(UserId user, ChatId chat) {
        Received received = new Received();
        live.watch(user, chat, received);
        return received;
    }

    /** An event of {@code chat} published by another node. */
    private static ChatEvent fromElsewhere(ChatId chat) {
        return ChatEvent.deleted(chat, new MessageId(UUID.randomUUID()));
    }

    @Test
    void membersMayWatchAndToOutsidersTheChatDoesNotExist() {
        assertThatCode(() -> live.requireMember(BOB, team)).doesNotThrowAnyException();
        assertThatThrownBy(() -> live.requireMember(DAVE, team)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> live.requireMember(ALICE, new ChatId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOutsiderWhoTriesToWatchIsTurnedAwayAndLeavesNoSubscriptionBehind() {
        Received dave = new Received();

        assertThatThrownBy(() -> live.watch(DAVE, team, dave)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> live.watch(DAVE, new ChatId(UUID.randomUUID()), dave))
                .isInstanceOf(NotFoundException.class);

        assertThat(live.subscriptions()).isZero();
        world.say(ALICE, team, "secret");
        world.events.settle();
        assertThat(dave.events).isEmpty();
    }

    @Test
    void aChatsEventsReachOnlyTheWatchersOfThatChat() {
        ChatId bobs = world.chat(BOB, "Bob's").chat().id();
        Received alice = watching(ALICE, team);
        Received bobInHisOwn = watching(BOB, bobs);

        Message sent = world.say(CAROL, team, "Hi all");
        world.events.settle();

        assertThat(alice.events).containsExactly(ChatEvent.created(sent));
        assertThat(bobInHisOwn.events).isEmpty();
    }

    @Test
    void eventsPublishedByOtherNodesReachTheWatchersToo() {
        Received bob = watching(BOB, team);
        ChatEvent elsewhere = fromElsewhere(team);

        world.heardFromElsewhere(elsewhere);

        assertThat(bob.events).containsExactly(elsewhere);
    }

    @Test
    void aRemovalReachesOnlyTheRemovedMembersWatchersAndEndsTheirSubscriptions() {
        Received alice = watching(ALICE, team);
        Received bobOnHisPhone = watching(BOB, team);
        Received bobOnHisLaptop = watching(BOB, team);
        Received carol = watching(CAROL, team);

        world.chatService.remove(ALICE, team, BOB);
        world.events.settle();

        assertThat(bobOnHisPhone.events).containsExactly(ChatEvent.memberRemoved(team, BOB));
        assertThat(bobOnHisLaptop.events).containsExactly(ChatEvent.memberRemoved(team, BOB));
        assertThat(alice.events).isEmpty();
        assertThat(carol.events).isEmpty();
        assertThat(live.subscriptions()).isEqualTo(2);

        Message later = world.say(CAROL, team, "Bob left");
        world.events.settle();

        assertThat(bobOnHisPhone.events).containsExactly(ChatEvent.memberRemoved(team, BOB));
        assertThat(alice.events).containsExactly(ChatEvent.created(later));
    }

    @Test
    void aDeletionReachesEveryWatcherAndEndsEverySubscription() {
        Received alice = watching(ALICE, team);
        Received bob = watching(BOB, team);

        world.chatService.delete(ALICE, team, ExpectedVersion.none());
        world.events.settle();

        assertThat(alice.events).containsExactly(ChatEvent.chatDeleted(team));
        assertThat(bob.events).containsExactly(ChatEvent.chatDeleted(team));
        assertThat(live.subscriptions()).isZero();

        world.heardFromElsewhere(fromElsewhere(team));

        assertThat(bob.events).containsExactly(ChatEvent.chatDeleted(team));
    }

    @Test
    void aCancelledSubscriptionReceivesNothingMore() {
        Received bob = new Received();
        Subscription subscription = live.watch(BOB, team, bob);
        Received carol = watching(CAROL, team);

        subscription.cancel();
        Message sent = world.say(ALICE, team, "Anyone?");
        world.events.settle();

        assertThat(bob.events).isEmpty();
        assertThat(carol.events).containsExactly(ChatEvent.created(sent));
        assertThat(live.subscriptions()).isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsDoesNotKeepTheEventFromTheOthersAndLosesItsSubscription() {
        Received alice = watching(ALICE, team);
        live.watch(BOB, team, event -> {
            throw new IllegalStateException("the socket is gone");
        });
        Received carol = watching(CAROL, team);

        Message sent = world.say(ALICE, team, "Still there?");
        world.events.settle();

        assertThat(alice.events).containsExactly(ChatEvent.created(sent));
        assertThat(carol.events).containsExactly(ChatEvent.created(sent));
        assertThat(live.subscriptions()).isEqualTo(2);
    }

    @Test
    void theSubscriptionsCountEveryWatchOnThisNode() {
        ChatId bobs = world.chat(BOB, "Bob's").chat().id();
        assertThat(live.subscriptions()).isZero();

        Subscription aliceOnHerPhone = live.watch(ALICE, team, new Received());
        watching(ALICE, team);
        watching(BOB, bobs);
        assertThat(live.subscriptions()).isEqualTo(3);

        aliceOnHerPhone.cancel();
        aliceOnHerPhone.cancel();
        assertThat(live.subscriptions()).isEqualTo(2);
    }

    @Test
    void givenAUserHoldingTheCapOfSubscriptions_whenWatchingOnceMore_thenRefusedUntilOneIsCancelled() {
        List<Subscription> held = new ArrayList<>();
        for (int i = 0; i < ChatWorld.SOCKETS_PER_USER; i++) {
            held.add(live.watch(BOB, team, new Received()));
        }

        assertThatThrownBy(() -> live.watch(BOB, team, new Received()))
                .isInstanceOf(TooManyAttemptsException.class)
                .satisfies(refused -> assertThat(((TooManyAttemptsException) refused).retryAfter()).isPositive());
        assertThat(live.subscriptions()).isEqualTo(ChatWorld.SOCKETS_PER_USER);
        assertThatCode(() -> live.watch(CAROL, team, new Received())).as("other users are not affected")
                .doesNotThrowAnyException();

        held.get(0).cancel();
        held.get(0).cancel();

        assertThatCode(() -> live.watch(BOB, team, new Received())).doesNotThrowAnyException();
        assertThatThrownBy(() -> live.watch(BOB, team, new Received()))
                .as("a second cancel of the same subscription frees nothing more").isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void givenSubscriptionsEndedByTheChatsDeletion_whenWatchingAgain_thenTheirSlotsAreFree() {
        ChatId bobs = world.chat(BOB, "Bob's").chat().id();
        for (int i = 0; i < ChatWorld.SOCKETS_PER_USER; i++) {
            live.watch(BOB, bobs, new Received());
        }

        world.chatService.delete(BOB, bobs, ExpectedVersion.none());
        world.events.settle();

        assertThatCode(() -> live.watch(BOB, team, new Received())).doesNotThrowAnyException();
    }
}
