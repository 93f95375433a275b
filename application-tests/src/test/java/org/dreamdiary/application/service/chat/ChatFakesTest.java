package org.dreamdiary.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.chat.ChatWorld.ALICE;
import static org.dreamdiary.application.service.chat.ChatWorld.ALL;
import static org.dreamdiary.application.service.chat.ChatWorld.BOB;
import static org.dreamdiary.application.service.chat.ChatWorld.CAROL;
import static org.dreamdiary.application.service.chat.ChatWorld.DAVE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatStats.AuthorCount;
import org.dreamdiary.application.chat.ChatStats.DayCount;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.service.chat.ChatFakes.ChatIds;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** The fakes the chat use-case tests lean on keep the port contracts; if they did not, those tests would prove little. */
class ChatFakesTest {

    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");

    /** The world's users, with the fakes driven directly rather than through the use cases. */
    private final ChatWorld world = new ChatWorld();
    private final ChatFakes.InMemoryChats chats = world.chats;
    private final ChatFakes.InMemoryMessages messages = world.messages;

    private Chat chat(UserId owner, String title, Instant at, UserId... members) {
        Chat chat = Chat.create(new ChatId(UUID.randomUUID()), owner, new ChatTitle(title), at);
        chats.add(chat, List.of(members), at);
        return chat;
    }

    private Message post(Chat chat, UserId author, long id, Instant at) {
        return post(chat, author, new UUID(0x7000L, 0x8000000000000000L | id), at);
    }

    private Message post(Chat chat, UserId author, UUID id, Instant at) {
        Message message = Message.post(new MessageId(id), chat.id(), author, new MessageText("m" + id), at);
        messages.add(message);
        return message;
    }

    private static List<MessageId> ids(MessageSlice slice) {
        return slice.items().stream().map(Message::id).toList();
    }

    private static MessageId id(long n) {
        return new MessageId(ChatIds.sequential(n));
    }

    @Test
    void uuidsSortLikePostgresUnsignedBytesNotLikeUuidCompareTo() {
        UUID low = UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-7000-8000-000000000000");
        Chat chat = chat(ALICE, "Ids", NOW);
        post(chat, ALICE, high, NOW);
        post(chat, ALICE, low, NOW);

        assertThat(high.compareTo(low)).as("UUID.compareTo is signed").isNegative();
        assertThat(ids(messages.slice(ALICE, chat.id(), MessageCursor.latest(10))))
                .containsExactly(new MessageId(high), new MessageId(low));
    }

    @Test
    void aSliceRunsFromItsCursorFetchesItsLimitAndTellsWhetherMoreLieBeyond() {
        Chat chat = chat(ALICE, "Five", NOW);
        for (long n = 1; n <= 5; n++) {
            post(chat, ALICE, n, NOW);
        }

        MessageSlice latest = messages.slice(ALICE, chat.id(), MessageCursor.latest(2));
        assertThat(ids(latest)).containsExactly(id(5), id(4));
        assertThat(latest.more()).isTrue();
        assertThat(ids(messages.slice(ALICE, chat.id(), MessageCursor.before(id(4), 2)))).containsExactly(id(3), id(2));
        MessageSlice oldest = messages.slice(ALICE, chat.id(), MessageCursor.before(id(2), 2));
        assertThat(ids(oldest)).containsExactly(id(1));
        assertThat(oldest.more()).isFalse();
        MessageSlice after = messages.slice(ALICE, chat.id(), MessageCursor.after(id(2), 2));
        assertThat(ids(after)).containsExactly(id(3), id(4));
        assertThat(after.more()).isTrue();
        MessageSlice exactlyTheRest = messages.slice(ALICE, chat.id(), MessageCursor.after(id(3), 2));
        assertThat(ids(exactlyTheRest)).containsExactly(id(4), id(5));
        assertThat(exactlyTheRest.more()).isFalse();
    }

    @Test
    void aNonMemberSeesNothingOfAChat() {
        Chat chat = chat(ALICE, "Private", NOW, BOB);
        Message message = post(chat, ALICE, 1, NOW);

        assertThat(chats.asMember(DAVE, chat.id())).isEmpty();
        assertThat(chats.list(DAVE, ChatQuery.all(), ALL).items()).isEmpty();
        assertThat(chats.members(DAVE, chat.id(), ALL).totalItems()).isZero();
        assertThat(chats.reserveMessage(DAVE, chat.id())).isEmpty();
        assertThat(messages.byId(DAVE, message.id())).isEmpty();
        assertThat(messages.slice(DAVE, chat.id(), MessageCursor.latest(10)).items()).isEmpty();
        assertThat(messages.stats(DAVE, chat.id(), null, null).messageCount()).isZero();

        assertThat(chats.asMember(BOB, chat.id())).isPresent();
        assertThat(messages.byId(BOB, message.id()).orElseThrow().chatOwner()).isEqualTo(ALICE);
        assertThat(chats.members(BOB, chat.id(), ALL).items()).extracting(User::id).containsExactly(ALICE, BOB);
    }

    @Test
    void theOwnerOrARepeatedMemberCannotBeStoredTwiceAsAMember() {
        assertThatThrownBy(() -> chat(ALICE, "Twice", NOW, ALICE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> chat(ALICE, "Twice", NOW, BOB, BOB)).isInstanceOf(IllegalStateException.class);
        assertThat(chats.count()).isZero();
    }

    @Test
    void chatsAndMessagesTakeAChangeOnlyWhenTheStoredVersionIsTheOneBeforeIt() {
        Chat chat = chat(ALICE, "Old", NOW);
        Message message = post(chat, ALICE, 1, NOW);

        Chat twoAhead = chat.retitle(new ChatTitle("A"), NOW).retitle(new ChatTitle("B"), NOW);
        assertThatThrownBy(() -> chats.update(twoAhead)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> chats.update(chat)).isInstanceOf(StaleVersionException.class);
        Message twoAheadMessage = message.edit(new MessageText("a"), NOW).edit(new MessageText("b"), NOW);
        assertThatThrownBy(() -> messages.update(twoAheadMessage)).isInstanceOf(StaleVersionException.class);

        chats.update(chat.retitle(new ChatTitle("New"), NOW));
        assertThat(chats.asMember(ALICE, chat.id()).orElseThrow().chat().title()).isEqualTo(new ChatTitle("New"));
    }

    @Test
    void messagesKeepTheirChatsCountsAndTheHighestIdGivenSurvivesDeletes() {
        Chat chat = chat(ALICE, "Counts", NOW);
        post(chat, ALICE, 1, NOW.plusSeconds(1));
        Message newest = post(chat, ALICE, 2, NOW.plusSeconds(2));
        ChatView two = chats.asMember(ALICE, chat.id()).orElseThrow();
        assertThat(two.messageCount()).isEqualTo(2);
        assertThat(two.lastMessageAt()).isEqualTo(NOW.plusSeconds(2));

        assertThat(messages.delete(chat.id(), newest.id(), OptionalLong.empty())).isTrue();
        assertThat(messages.delete(chat.id(), newest.id(), OptionalLong.empty())).as("already gone").isFalse();

        ChatView one = chats.asMember(ALICE, chat.id()).orElseThrow();
        assertThat(one.messageCount()).isEqualTo(1);
        assertThat(one.lastMessageAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(chats.reserveMessage(ALICE, chat.id()).orElseThrow().highestGiven()).isEqualTo(newest.id());
    }

    @Test
    void onlyItsOwnerDeletesAChatAndItsMessagesGoWithIt() {
        Chat chat = chat(ALICE, "Doomed", NOW, BOB);
        post(chat, BOB, 1, NOW);

        assertThat(chats.delete(BOB, chat.id(), OptionalLong.empty())).isFalse();
        assertThat(chats.delete(ALICE, chat.id(), OptionalLong.empty())).isTrue();

        assertThat(chats.count()).isZero();
        assertThat(messages.count()).isZero();
        assertThat(messages.byAuthor(BOB, null, 10)).isEmpty();
    }

    @Test
    void theListRunsByLatestActivityThenIdAndFiltersByTitleAndOwnership() {
        Chat old = chat(ALICE, "Old but busy", NOW, BOB);
        Chat recent = chat(BOB, "Recent", NOW.plusSeconds(10), ALICE);
        chat(CAROL, "Not Alice's", NOW.plusSeconds(20));
        post(old, ALICE, 1, NOW.plusSeconds(30));

        assertThat(chats.list(ALICE, ChatQuery.all(), ALL).items()).extracting(view -> view.chat().id())
                .containsExactly(old.id(), recent.id());
        assertThat(chats.list(ALICE, new ChatQuery(Optional.of("BUSY"), false), ALL).items())
                .extracting(view -> view.chat().id()).containsExactly(old.id());
        assertThat(chats.list(ALICE, new ChatQuery(Optional.empty(), true), ALL).items())
                .extracting(view -> view.chat().id()).containsExactly(old.id());
    }

    @Test
    void statsCountPerUtcDayAndPerAuthorMostFirstWithinTheDaysBothIncluded() {
        Chat chat = chat(ALICE, "Stats", NOW, BOB);
        post(chat, ALICE, 1, Instant.parse("2024-06-01T23:59:59Z"));
        post(chat, BOB, 2, Instant.parse("2024-06-02T00:00:00Z"));
        post(chat, BOB, 3, Instant.parse("2024-06-02T12:00:00Z"));
        post(chat, ALICE, 4, Instant.parse("2024-06-03T00:00:00Z"));

        var stats = messages.stats(ALICE, chat.id(), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2));

        assertThat(stats.messageCount()).isEqualTo(3);
        assertThat(stats.firstMessageAt()).isEqualTo(Instant.parse("2024-06-01T23:59:59Z"));
        assertThat(stats.lastMessageAt()).isEqualTo(Instant.parse("2024-06-02T12:00:00Z"));
        assertThat(stats.perDay()).containsExactly(new DayCount(LocalDate.of(2024, 6, 1), 1),
                new DayCount(LocalDate.of(2024, 6, 2), 2));
        assertThat(stats.perAuthor()).containsExactly(new AuthorCount(BOB, 2), new AuthorCount(ALICE, 1));
    }

    @Test
    void eventsReachSubscribersOnlyWhenTheirTransactionCommits() {
        List<ChatEvent> received = new ArrayList<>();
        world.events.subscribe(received::add);
        ChatEvent committed = ChatEvent.chatDeleted(new ChatId(UUID.randomUUID()));
        ChatEvent rolledBack = ChatEvent.chatDeleted(new ChatId(UUID.randomUUID()));

        world.transactions.inTransaction(() -> {
            world.events.publish(committed);
            assertThat(received).as("not before the commit").isEmpty();
            return null;
        });
        assertThatThrownBy(() -> world.transactions.inTransaction(() -> {
            world.events.publish(rolledBack);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(received).containsExactly(committed);
        assertThat(world.events.published()).containsExactly(committed);
    }

    @Test
    void anEventFromAnotherNodeReachesTheSubscribersWithoutBeingPublishedHere() {
        List<ChatEvent> received = new ArrayList<>();
        world.events.subscribe(received::add);
        ChatEvent elsewhere = ChatEvent.chatDeleted(new ChatId(UUID.randomUUID()));

        world.events.deliver(elsewhere);

        assertThat(received).containsExactly(elsewhere);
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void writesAndLocksOutsideATransactionAreNoted() {
        Chat chat = chat(ALICE, "Loose", NOW);
        chats.reserveMessage(ALICE, chat.id());

        assertThat(world.transactions.writesOutside()).containsExactly("chats.add", "chats.reserveMessage");
    }
}
