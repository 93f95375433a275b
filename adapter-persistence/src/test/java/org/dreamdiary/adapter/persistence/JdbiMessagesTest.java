package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.ChatFixture.T0;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.ChatStats.AuthorCount;
import org.dreamdiary.application.chat.ChatStats.DayCount;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.application.port.out.chat.Messages.Visible;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Messages on PostgreSQL: the chat's counters kept by the statements that add and delete, reads scoped to
 * members, cursor pages in id order, optimistic edits, statistics by UTC day and author, and what deleting an
 * account leaves behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiMessagesTest {
    private ChatFixture data;
    private UserId owner;
    private UserId member;
    private UserId outsider;
    private Chat chat;

    @BeforeAll
    void migrate() {
        data = ChatFixture.onFreshSchema();
    }

    @BeforeEach
    void aChatOfTwoAndAnOutsider() {
        owner = data.user();
        member = data.user();
        outsider = data.user();
        chat = data.chat(owner, "Dream circle", member);
    }

    @Test
    void givenAChat_whenMessagesAreAdded_thenItsCountTimeAndHighestIdFollowTheNewest() {
        Message first = data.post(member, chat.id(), "First", T0.plusSeconds(10));
        Message second = data.post(owner, chat.id(), "Second", T0.plusSeconds(20));

        assertThat(data.chats.asMember(member, chat.id())).contains(new ChatView(chat, 2, 2, second.createdAt()));
        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessage(member, chat.id())))
                .contains(new Slot(second.id()));
        assertThat(data.count("SELECT count(*) FROM messages WHERE chat_id = ?", chat.id().value())).isEqualTo(2);
        assertThat(data.messages.byId(member, first.id())).contains(new Visible(first, owner));
    }

    @Test
    void givenAChat_whenABatchOfMessagesIsAddedTogether_thenStoredInOrderCountedAndTheLastIsTheNewest() {
        Message earlier = data.post(member, chat.id(), "Before the rush", T0);

        List<Message> batch = data.postTogether(chat.id(), List.of(owner, member, member, owner, member),
                T0.plusSeconds(5));

        assertThat(batch).hasSize(5).extracting(message -> message.text().value())
                .containsExactly("together #1", "together #2", "together #3", "together #4", "together #5");
        List<MessageId> expectedIds = new ArrayList<>(List.of(earlier.id()));
        batch.forEach(message -> expectedIds.add(message.id()));
        assertThat(data.storedIds(chat.id())).as("in id order, the order given").containsExactlyElementsOf(expectedIds);
        List<Message> newestFirst = new ArrayList<>(batch);
        Collections.reverse(newestFirst);
        assertThat(data.messages.slice(owner, chat.id(), MessageCursor.latest(5)).items())
                .containsExactlyElementsOf(newestFirst);
        assertThat(data.chats.asMember(member, chat.id())).contains(new ChatView(chat, 2, 6, T0.plusSeconds(5)));
        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessage(member, chat.id())))
                .contains(new Slot(batch.get(4).id()));
    }

    @Test
    void givenABatchWithAnOutsidersPost_whenAddedTogether_thenOnlyTheMembersPostsAreStoredAndCounted() {
        List<Message> batch = data.postTogether(chat.id(), List.of(member, outsider, owner), T0);

        assertThat(batch).extracting(Message::author).containsExactly(member, owner);
        assertThat(data.count("SELECT count(*) FROM messages WHERE chat_id = ?", chat.id().value())).isEqualTo(2);
        assertThat(data.count("SELECT count(*) FROM messages WHERE author_id = ?", outsider.value())).isZero();
        assertThat(data.chats.asMember(owner, chat.id())).map(ChatView::messageCount).contains(2L);
    }

    @Test
    void givenALongCyrillicMessage_whenStoredAndRead_thenItComesBackWhole() {
        String text = "сон".repeat(MessageText.MAX_LENGTH / 3) + "ок";

        Message stored = data.post(member, chat.id(), text, T0);

        assertThat(text).hasSize(MessageText.MAX_LENGTH);
        assertThat(data.messages.byId(owner, stored.id())).map(Visible::message).contains(stored);
    }

    @Test
    void givenAMessage_whenReadByIdByMembersAndAnOutsider_thenMembersSeeItWithTheChatOwnerAndTheOutsiderNothing() {
        Message message = data.post(member, chat.id(), "Who sees me?", T0);

        assertThat(data.messages.byId(member, message.id())).contains(new Visible(message, owner));
        assertThat(data.messages.byId(owner, message.id())).contains(new Visible(message, owner));
        assertThat(data.messages.byId(outsider, message.id())).isEmpty();
    }

    @Test
    void givenSevenMessages_whenPagedBackFromTheLatest_thenNewestFirstAndMoreUntilTheOldest() {
        List<Message> posted = sevenMessagesAmongOthers();

        MessageSlice latest = data.messages.slice(member, chat.id(), MessageCursor.latest(3));
        assertThat(latest.items()).containsExactly(posted.get(6), posted.get(5), posted.get(4));
        assertThat(latest.more()).isTrue();

        MessageSlice older = data.messages.slice(member, chat.id(), latest.next().orElseThrow());
        assertThat(older.cursor()).isEqualTo(MessageCursor.before(posted.get(4).id(), 3));
        assertThat(older.items()).containsExactly(posted.get(3), posted.get(2), posted.get(1));
        assertThat(older.more()).isTrue();

        MessageSlice oldest = data.messages.slice(member, chat.id(), older.next().orElseThrow());
        assertThat(oldest.items()).containsExactly(posted.get(0));
        assertThat(oldest.more()).isFalse();
        assertThat(oldest.next()).isEmpty();
    }

    @Test
    void givenSevenMessages_whenTheLatestPageHoldsThemAll_thenThereIsNoMore() {
        List<Message> posted = sevenMessagesAmongOthers();

        MessageSlice exactly = data.messages.slice(owner, chat.id(), MessageCursor.latest(7));
        MessageSlice wider = data.messages.slice(owner, chat.id(), MessageCursor.latest(MessageCursor.MAX_LIMIT));

        assertThat(exactly.items()).containsExactlyElementsOf(newestFirst(posted));
        assertThat(exactly.more()).isFalse();
        assertThat(wider.items()).containsExactlyElementsOf(newestFirst(posted));
        assertThat(wider.more()).isFalse();
    }

    @Test
    void givenSevenMessages_whenPagedForwardAfterOne_thenOldestFirstAndMoreUntilTheNewest() {
        List<Message> posted = sevenMessagesAmongOthers();

        MessageSlice newer = data.messages.slice(member, chat.id(), MessageCursor.after(posted.get(1).id(), 3));
        assertThat(newer.items()).containsExactly(posted.get(2), posted.get(3), posted.get(4));
        assertThat(newer.more()).isTrue();

        MessageSlice newest = data.messages.slice(member, chat.id(), newer.next().orElseThrow());
        assertThat(newest.cursor()).isEqualTo(MessageCursor.after(posted.get(4).id(), 3));
        assertThat(newest.items()).containsExactly(posted.get(5), posted.get(6));
        assertThat(newest.more()).isFalse();

        MessageSlice nothingYet = data.messages.slice(member, chat.id(), MessageCursor.after(posted.get(6).id(), 3));
        assertThat(nothingYet.items()).isEmpty();
        assertThat(nothingYet.more()).isFalse();
    }

    @Test
    void givenACursorAtADeletedMessage_whenPagedEitherWay_thenThePagesStartRightBesideWhereItWas() {
        List<Message> posted = sevenMessagesAmongOthers();
        assertThat(data.messages.delete(chat.id(), posted.get(3).id(), OptionalLong.empty())).isTrue();

        MessageSlice before = data.messages.slice(member, chat.id(), MessageCursor.before(posted.get(3).id(), 2));
        MessageSlice after = data.messages.slice(member, chat.id(), MessageCursor.after(posted.get(3).id(), 2));

        assertThat(before.items()).containsExactly(posted.get(2), posted.get(1));
        assertThat(before.more()).isTrue();
        assertThat(after.items()).containsExactly(posted.get(4), posted.get(5));
        assertThat(after.more()).isTrue();
    }

    @Test
    void givenMessages_whenAnOutsiderAsksForAPage_thenAnEmptyPageWithNoMore() {
        List<Message> posted = sevenMessagesAmongOthers();

        assertThat(data.messages.slice(outsider, chat.id(), MessageCursor.latest(3)).items()).isEmpty();
        assertThat(data.messages.slice(outsider, chat.id(), MessageCursor.latest(3)).more()).isFalse();
        assertThat(data.messages.slice(outsider, chat.id(), MessageCursor.before(posted.get(6).id(), 3)).items()).isEmpty();
        assertThat(data.messages.slice(outsider, chat.id(), MessageCursor.after(posted.get(0).id(), 3)).items()).isEmpty();
    }

    @Test
    void givenAMessage_whenEditedFromItsCurrentVersion_thenTheNewTextEditTimeAndVersionAreStored() {
        Message message = data.post(member, chat.id(), "Typo", T0);
        Message edited = message.edit(new MessageText("Fixed"), T0.plusSeconds(30));

        data.messages.update(edited);

        assertThat(data.messages.byId(owner, message.id())).map(Visible::message).contains(edited);
        // an edit changes neither the chat's count nor its latest activity
        assertThat(data.chats.asMember(owner, chat.id())).contains(new ChatView(chat, 2, 1, T0));
    }

    @Test
    void givenAMessageEditedMeanwhile_whenEditedFromTheOldVersion_thenStaleAndTheFirstEditStays() {
        Message message = data.post(member, chat.id(), "Original", T0);
        Message first = message.edit(new MessageText("First edit"), T0.plusSeconds(1));
        Message second = message.edit(new MessageText("Second edit"), T0.plusSeconds(2));
        data.messages.update(first);

        assertThatThrownBy(() -> data.messages.update(second)).isInstanceOf(StaleVersionException.class);
        assertThat(data.messages.byId(member, message.id())).map(Visible::message).contains(first);
    }

    @Test
    void givenMessages_whenTheNewestIsDeleted_thenTheCountDropsAndTheLatestActivityFallsBackUntilNoneIsLeft() {
        Message first = data.post(member, chat.id(), "One", T0.plusSeconds(1));
        Message middle = data.post(owner, chat.id(), "Two", T0.plusSeconds(2));
        Message newest = data.post(member, chat.id(), "Three", T0.plusSeconds(3));

        assertThat(data.messages.delete(chat.id(), middle.id(), OptionalLong.empty())).isTrue();
        assertThat(data.chats.asMember(owner, chat.id())).contains(new ChatView(chat, 2, 2, newest.createdAt()));

        assertThat(data.messages.delete(chat.id(), newest.id(), OptionalLong.empty())).isTrue();
        assertThat(data.chats.asMember(owner, chat.id())).contains(new ChatView(chat, 2, 1, first.createdAt()));

        assertThat(data.messages.delete(chat.id(), first.id(), OptionalLong.empty())).isTrue();
        assertThat(data.chats.asMember(owner, chat.id())).contains(new ChatView(chat, 2, 0, null));
        assertThat(data.messages.byId(owner, first.id())).isEmpty();
        // it falls back to the chat's creation in the list's order as well
        assertThat(data.chats.list(owner, ChatQuery.all(), PageRequest.first()).items()).containsExactly(
                new ChatView(chat, 2, 0, null));
    }

    @Test
    void givenADeletedMessage_whenDeletedAgain_thenFalseAndTheCountIsNotTakenTwice() {
        Message message = data.post(member, chat.id(), "Once", T0);
        data.post(member, chat.id(), "Stays", T0.plusSeconds(1));

        assertThat(data.messages.delete(chat.id(), message.id(), OptionalLong.empty())).isTrue();
        assertThat(data.messages.delete(chat.id(), message.id(), OptionalLong.empty())).isFalse();

        assertThat(data.chats.asMember(owner, chat.id())).map(ChatView::messageCount).contains(1L);
    }

    @Test
    void givenAMessageOfAnotherChat_whenDeletedThroughThisChat_thenFalseAndItStays() {
        Chat other = data.chat(owner, "Other");
        Message elsewhere = data.post(owner, other.id(), "Elsewhere", T0);

        assertThat(data.messages.delete(chat.id(), elsewhere.id(), OptionalLong.empty())).isFalse();

        assertThat(data.messages.byId(owner, elsewhere.id())).isPresent();
        assertThat(data.chats.asMember(owner, other.id())).map(ChatView::messageCount).contains(1L);
        assertThat(data.chats.asMember(owner, chat.id())).map(ChatView::messageCount).contains(0L);
    }

    /**
     * Read through a session in UTC+14, so that days taken from the session's time zone would differ: a message
     * at 23:59:59.999999 UTC is still its own day, one at 00:00 UTC the next one's.
     */
    @Test
    void givenMessagesOverSeveralDays_whenCounted_thenPerUtcDayPerAuthorAndInTotalWithInclusiveBounds() {
        UserId departed = data.user();
        UserId alsoDeparted = data.user();
        data.chats.addMember(chat.id(), departed, T0);
        data.chats.addMember(chat.id(), alsoDeparted, T0);
        Instant lastOfNov1 = Instant.parse("2026-11-01T23:59:59.999999Z");
        Instant firstOfNov2 = Instant.parse("2026-11-02T00:00:00Z");
        data.post(owner, chat.id(), "a", lastOfNov1);
        data.post(owner, chat.id(), "b", firstOfNov2);
        data.post(member, chat.id(), "c", Instant.parse("2026-11-02T10:00:00Z"));
        data.post(departed, chat.id(), "d", Instant.parse("2026-11-03T09:00:00Z"));
        data.post(owner, chat.id(), "e", Instant.parse("2026-11-03T12:00:00Z"));
        data.post(alsoDeparted, chat.id(), "f", Instant.parse("2026-11-04T00:00:00Z"));
        data.post(member, chat.id(), "g", Instant.parse("2026-11-05T08:00:00Z"));
        data.users.delete(departed, OptionalLong.empty());
        data.users.delete(alsoDeparted, OptionalLong.empty());
        JdbiMessages farEast = new JdbiMessages(MigratedSchema.jdbi(data.schema).installPlugin(new JdbiPlugin() {
            @Override
            public Handle customizeHandle(Handle handle) {
                handle.execute("SET TIME ZONE 'Pacific/Kiritimati'");
                return handle;
            }
        }));

        ChatStats all = farEast.stats(member, chat.id(), null, null);
        assertThat(all).isEqualTo(new ChatStats(7, lastOfNov1, Instant.parse("2026-11-05T08:00:00Z"),
                List.of(day("2026-11-01", 1), day("2026-11-02", 2), day("2026-11-03", 2), day("2026-11-04", 1),
                        day("2026-11-05", 1)),
                List.of(new AuthorCount(owner, 3), new AuthorCount(member, 2), new AuthorCount(null, 2))));

        ChatStats twoDays = farEast.stats(member, chat.id(), LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
        assertThat(twoDays).isEqualTo(new ChatStats(4, firstOfNov2, Instant.parse("2026-11-03T12:00:00Z"),
                List.of(day("2026-11-02", 2), day("2026-11-03", 2)),
                List.of(new AuthorCount(owner, 2), new AuthorCount(member, 1), new AuthorCount(null, 1))));

        ChatStats fromNov4 = farEast.stats(owner, chat.id(), LocalDate.parse("2026-11-04"), null);
        assertThat(fromNov4.messageCount()).isEqualTo(2);
        assertThat(fromNov4.perDay()).containsExactly(day("2026-11-04", 1), day("2026-11-05", 1));

        ChatStats untilNov1 = farEast.stats(owner, chat.id(), null, LocalDate.parse("2026-11-01"));
        assertThat(untilNov1).isEqualTo(new ChatStats(1, lastOfNov1, lastOfNov1, List.of(day("2026-11-01", 1)),
                List.of(new AuthorCount(owner, 1))));

        assertThat(data.messages.stats(owner, chat.id(), null, null)).isEqualTo(all);
    }

    @Test
    void givenMessages_whenCountedByAnOutsiderOrOverAQuietPeriod_thenZeroAndNothingElse() {
        data.posts(member, chat.id(), 3, T0);
        ChatStats nothing = new ChatStats(0, null, null, List.of(), List.of());

        assertThat(data.messages.stats(outsider, chat.id(), null, null)).isEqualTo(nothing);
        assertThat(data.messages.stats(member, chat.id(), LocalDate.parse("2030-01-01"), null)).isEqualTo(nothing);
        assertThat(data.messages.stats(member, chat.id(), null, null).messageCount()).isEqualTo(3);
    }

    @Test
    void givenMessagesOfOneAuthorInTwoChats_whenReadByAuthorInPages_thenAllOfThemOldestFirstAndNoOneElses() {
        Chat other = data.chat(member, "Member's own");
        Message a = data.post(member, chat.id(), "a", T0);
        data.post(owner, chat.id(), "not theirs", T0);
        Message b = data.post(member, other.id(), "b", T0);
        Message c = data.post(member, chat.id(), "c", T0);
        Message d = data.post(member, other.id(), "d", T0);
        Message e = data.post(member, chat.id(), "e", T0);

        List<Message> first = data.messages.byAuthor(member, null, 2);
        List<Message> second = data.messages.byAuthor(member, first.get(1).id(), 2);
        List<Message> third = data.messages.byAuthor(member, second.get(1).id(), 2);
        List<Message> beyond = data.messages.byAuthor(member, third.get(0).id(), 2);

        assertThat(first).containsExactly(a, b);
        assertThat(second).containsExactly(c, d);
        assertThat(third).containsExactly(e);
        assertThat(beyond).isEmpty();
    }

    @Test
    void givenAUserWhoOwnsAChatAndWroteInAnother_whenTheAccountIsDeleted_thenTheirWordsElsewhereStayWithoutAnAuthor() {
        Chat leaversChat = data.chat(member, "Leaver's own", owner);
        Message inLeaversChat = data.post(owner, leaversChat.id(), "Hi in yours", T0);
        data.post(member, leaversChat.id(), "Mine in mine", T0.plusSeconds(1));
        Message written = data.post(member, chat.id(), "Mine in theirs", T0.plusSeconds(2));
        Message reply = data.post(owner, chat.id(), "Reply", T0.plusSeconds(3));

        data.users.delete(member, OptionalLong.empty());

        Message anonymous = new Message(written.id(), written.chat(), null, written.text(), written.createdAt(), null, 1);
        assertThat(data.messages.byId(owner, written.id())).contains(new Visible(anonymous, owner));
        assertThat(data.messages.slice(owner, chat.id(), MessageCursor.latest(10)).items()).containsExactly(reply, anonymous);
        assertThat(data.chats.asMember(owner, chat.id())).contains(new ChatView(chat, 1, 2, reply.createdAt()));
        assertThat(data.messages.byAuthor(member, null, 10)).isEmpty();
        // the chat the account owned is gone, with everyone's messages in it
        assertThat(data.chats.asMember(owner, leaversChat.id())).isEmpty();
        assertThat(data.messages.byId(owner, inLeaversChat.id())).isEmpty();
        assertThat(data.count("SELECT count(*) FROM chats WHERE id = ?", leaversChat.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM messages WHERE chat_id = ?", leaversChat.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM chat_members WHERE user_id = ?", member.value())).isZero();
    }

    /** Seven messages of the chat, alternating authors, with messages of another chat posted in between. */
    private List<Message> sevenMessagesAmongOthers() {
        Chat noise = data.chat(owner, "Noise", member);
        List<Message> posted = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            posted.add(data.post(i % 2 == 0 ? owner : member, chat.id(), "Message " + i, T0.plus(Duration.ofMinutes(i))));
            data.post(owner, noise.id(), "Noise " + i, T0.plus(Duration.ofMinutes(i)));
        }
        return posted;
    }

    private static List<Message> newestFirst(List<Message> posted) {
        List<Message> reversed = new ArrayList<>(posted);
        Collections.reverse(reversed);
        return reversed;
    }

    private static DayCount day(String date, long count) {
        return new DayCount(LocalDate.parse(date), count);
    }
}
