package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestChats.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.ChatStats.AuthorCount;
import org.dreamdiary.application.chat.ChatStats.DayCount;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.chat.Messages.Visible;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Messages} port promises: the chat's counters kept by the messages added
 * and deleted, reads scoped to members, cursor pages in id order (uuid order, as PostgreSQL compares them), ids in
 * the order their posts commit however many post at once, optimistic edits, deletes within one chat and at an
 * expected version, statistics by UTC day and author, and what deleting an account leaves behind. Whether a caller
 * may edit or delete a message is the use case's decision; the store gives it the author and the chat's owner.
 */
public abstract class MessagesContract extends StorageContract {
    private TestChats data;
    private Messages messages;
    private Chats chats;
    private UserId owner;
    private UserId member;
    private UserId outsider;
    private Chat chat;

    @BeforeEach
    final void aChatOfTwoAndAnOutsider() {
        data = new TestChats(storage);
        messages = storage.messages();
        chats = storage.chats();
        owner = data.user();
        member = data.user();
        outsider = data.user();
        chat = data.chat(owner, "Dream circle", member);
    }

    @Test
    void givenAChat_whenMessagesAreAdded_thenItsCountTimeAndHighestIdFollowTheNewest() {
        Message first = data.post(member, chat.id(), "First", T0.plusSeconds(10));
        Message second = data.post(owner, chat.id(), "Second", T0.plusSeconds(20));

        assertEquals(Optional.of(new ChatView(chat, 2, 2, second.createdAt())), chats.asMember(member, chat.id()));
        assertEquals(Optional.of(new Slot(second.id())), reserve(member));
        assertEquals(List.of(second, first), data.all(member, chat.id()));
        assertEquals(Optional.of(new Visible(first, owner)), messages.byId(member, first.id()));
    }

    @Test
    void givenAChat_whenABatchOfMessagesIsAddedTogether_thenStoredInOrderCountedAndTheLastIsTheNewest() {
        Message earlier = data.post(member, chat.id(), "Before the rush", T0);

        List<Message> batch = data.postTogether(chat.id(), List.of(owner, member, member, owner, member), T0.plusSeconds(5));

        assertEquals(List.of("together #1", "together #2", "together #3", "together #4", "together #5"),
                batch.stream().map(message -> message.text().value()).toList());
        List<Message> newestFirst = new ArrayList<>(batch);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, messages.slice(owner, chat.id(), MessageCursor.latest(5)).items());
        newestFirst.add(earlier);
        assertEquals(newestFirst, data.all(owner, chat.id()), "in id order, the order given");
        assertEquals(Optional.of(new ChatView(chat, 2, 6, T0.plusSeconds(5))), chats.asMember(member, chat.id()));
        assertEquals(Optional.of(new Slot(batch.get(4).id())), reserve(member));
    }

    @Test
    void givenABatchWithAnOutsidersPost_whenAddedTogether_thenOnlyTheMembersPostsAreStoredAndCounted() {
        List<Message> batch = data.postTogether(chat.id(), List.of(member, outsider, owner), T0);

        assertEquals(List.of(member, owner), batch.stream().map(Message::author).toList());
        assertEquals(2, data.all(owner, chat.id()).size());
        assertEquals(List.of(), messages.byAuthor(outsider, null, 10));
        assertEquals(Optional.of(2L), chats.asMember(owner, chat.id()).map(ChatView::messageCount));
    }

    @Test
    void givenALongCyrillicMessage_whenStoredAndRead_thenItComesBackWhole() {
        String text = "сон".repeat(MessageText.MAX_LENGTH / 3) + "ок";

        Message stored = data.post(member, chat.id(), text, T0);

        assertEquals(MessageText.MAX_LENGTH, text.length());
        assertEquals(Optional.of(stored), messages.byId(owner, stored.id()).map(Visible::message));
    }

    @Test
    void givenAMessage_whenReadByIdByMembersAndAnOutsider_thenMembersSeeItWithTheChatOwnerAndTheOutsiderNothing() {
        Message message = data.post(member, chat.id(), "Who sees me?", T0);

        assertEquals(Optional.of(new Visible(message, owner)), messages.byId(member, message.id()));
        assertEquals(Optional.of(new Visible(message, owner)), messages.byId(owner, message.id()));
        assertEquals(Optional.empty(), messages.byId(outsider, message.id()));
        assertEquals(Optional.empty(), messages.byId(owner, new MessageId(UUID.randomUUID())));
    }

    @Test
    void givenAMemberWhoLeft_whenItReadsTheChatsMessages_thenItSeesNoneOfThemAnyMore() {
        Message message = data.post(member, chat.id(), "Before I go", T0);
        assertTrue(chats.removeMember(chat.id(), member));

        assertEquals(Optional.empty(), messages.byId(member, message.id()));
        assertEquals(List.of(), messages.slice(member, chat.id(), MessageCursor.latest(10)).items());
        assertEquals(0, messages.stats(member, chat.id(), null, null).messageCount());
        assertEquals(List.of(message), messages.byAuthor(member, null, 10), "its own messages stay its own");
    }

    @Test
    void givenSevenMessages_whenPagedBackFromTheLatest_thenNewestFirstAndMoreUntilTheOldest() {
        List<Message> posted = sevenMessagesAmongOthers();

        MessageSlice latest = messages.slice(member, chat.id(), MessageCursor.latest(3));
        assertEquals(List.of(posted.get(6), posted.get(5), posted.get(4)), latest.items());
        assertTrue(latest.more());

        MessageSlice older = messages.slice(member, chat.id(), latest.next().orElseThrow());
        assertEquals(MessageCursor.before(posted.get(4).id(), 3), older.cursor());
        assertEquals(List.of(posted.get(3), posted.get(2), posted.get(1)), older.items());
        assertTrue(older.more());

        MessageSlice oldest = messages.slice(member, chat.id(), older.next().orElseThrow());
        assertEquals(List.of(posted.get(0)), oldest.items());
        assertFalse(oldest.more());
        assertEquals(Optional.empty(), oldest.next());
    }

    @Test
    void givenSevenMessages_whenTheLatestPageHoldsThemAll_thenThereIsNoMore() {
        List<Message> posted = sevenMessagesAmongOthers();

        MessageSlice exactly = messages.slice(owner, chat.id(), MessageCursor.latest(7));
        MessageSlice wider = messages.slice(owner, chat.id(), MessageCursor.latest(MessageCursor.MAX_LIMIT));

        assertEquals(newestFirst(posted), exactly.items());
        assertFalse(exactly.more());
        assertEquals(newestFirst(posted), wider.items());
        assertFalse(wider.more());
    }

    @Test
    void givenSevenMessages_whenPagedForwardAfterOne_thenOldestFirstAndMoreUntilTheNewest() {
        List<Message> posted = sevenMessagesAmongOthers();

        MessageSlice newer = messages.slice(member, chat.id(), MessageCursor.after(posted.get(1).id(), 3));
        assertEquals(List.of(posted.get(2), posted.get(3), posted.get(4)), newer.items());
        assertTrue(newer.more());

        MessageSlice newest = messages.slice(member, chat.id(), newer.next().orElseThrow());
        assertEquals(MessageCursor.after(posted.get(4).id(), 3), newest.cursor());
        assertEquals(List.of(posted.get(5), posted.get(6)), newest.items());
        assertFalse(newest.more());

        MessageSlice nothingYet = messages.slice(member, chat.id(), MessageCursor.after(posted.get(6).id(), 3));
        assertEquals(List.of(), nothingYet.items());
        assertFalse(nothingYet.more());
    }

    @Test
    void givenACursorAtADeletedMessage_whenPagedEitherWay_thenThePagesStartRightBesideWhereItWas() {
        List<Message> posted = sevenMessagesAmongOthers();
        assertTrue(messages.delete(chat.id(), posted.get(3).id(), OptionalLong.empty()));

        MessageSlice before = messages.slice(member, chat.id(), MessageCursor.before(posted.get(3).id(), 2));
        MessageSlice after = messages.slice(member, chat.id(), MessageCursor.after(posted.get(3).id(), 2));

        assertEquals(List.of(posted.get(2), posted.get(1)), before.items());
        assertTrue(before.more());
        assertEquals(List.of(posted.get(4), posted.get(5)), after.items());
        assertTrue(after.more());
    }

    @Test
    void givenMessages_whenAnOutsiderAsksForAPage_thenAnEmptyPageWithNoMore() {
        List<Message> posted = sevenMessagesAmongOthers();

        assertEquals(List.of(), messages.slice(outsider, chat.id(), MessageCursor.latest(3)).items());
        assertFalse(messages.slice(outsider, chat.id(), MessageCursor.latest(3)).more());
        assertEquals(List.of(), messages.slice(outsider, chat.id(), MessageCursor.before(posted.get(6).id(), 3)).items());
        assertEquals(List.of(), messages.slice(outsider, chat.id(), MessageCursor.after(posted.get(0).id(), 3)).items());
    }

    /**
     * Ids on both sides of the first bit: PostgreSQL orders uuids as unsigned bytes, {@link UUID#compareTo} puts an
     * id whose first bit is set before every other.
     */
    @Test
    void givenIdsOnBothSidesOfTheFirstBit_whenPagedAndReadByAuthor_thenInUuidOrder() {
        long random = UUID.randomUUID().getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_0000L | Long.MIN_VALUE;
        Message low = data.post(member, chat.id(), "low", T0, new UUID(0x7FFF_FFFF_FFFF_7FFFL, random));
        Message high = data.post(member, chat.id(), "high", T0, new UUID(0x8000_0000_0000_7000L, random));
        Message next = data.post(member, chat.id(), "next", T0);

        assertTrue(TestChats.compareUnsigned(next.id().value(), high.id().value()) > 0, "taken after the highest given");
        assertEquals(List.of(next, high, low), messages.slice(owner, chat.id(), MessageCursor.latest(10)).items());
        assertEquals(List.of(high, next), messages.slice(owner, chat.id(), MessageCursor.after(low.id(), 10)).items());
        assertEquals(List.of(high, low), messages.slice(owner, chat.id(), MessageCursor.before(next.id(), 10)).items());
        assertEquals(List.of(low, high, next), messages.byAuthor(member, null, 10));
        assertEquals(List.of(next), messages.byAuthor(member, high.id(), 10));
        assertEquals(Optional.of(List.of(next, high)), chats.overview(owner, chat.id(), 2).map(overview -> overview.latest()));
    }

    @Test
    void givenAMessage_whenEditedFromItsCurrentVersion_thenTheNewTextEditTimeAndVersionAreStored() {
        Message message = data.post(member, chat.id(), "Typo", T0);
        Message edited = message.edit(new MessageText("Fixed"), T0.plusSeconds(30));

        messages.update(edited);

        assertEquals(Optional.of(new Visible(edited, owner)), messages.byId(owner, message.id()));
        // an edit changes neither the chat's count nor its latest activity
        assertEquals(Optional.of(new ChatView(chat, 2, 1, T0)), chats.asMember(owner, chat.id()));
    }

    @Test
    void givenAMessageEditedMeanwhile_whenEditedFromTheOldVersion_thenStaleAndTheFirstEditStays() {
        Message message = data.post(member, chat.id(), "Original", T0);
        Message first = message.edit(new MessageText("First edit"), T0.plusSeconds(1));
        Message second = message.edit(new MessageText("Second edit"), T0.plusSeconds(2));
        messages.update(first);

        assertThrows(StaleVersionException.class, () -> messages.update(second));
        assertEquals(Optional.of(first), messages.byId(member, message.id()).map(Visible::message));
    }

    /** An edit read before the author's account went, stored after: it changes the text, not who wrote it. */
    @Test
    void givenAMessageWhoseAuthorWasDeletedSinceItWasRead_whenEdited_thenTheTextChangesAndItStaysWithoutAnAuthor() {
        UserId leaving = data.user();
        chats.addMember(chat.id(), leaving, T0);
        Message read = data.post(leaving, chat.id(), "Soon orphaned", T0);
        storage.users().delete(leaving, OptionalLong.empty());

        messages.update(read.edit(new MessageText("Edited"), T0.plusSeconds(1)));

        assertEquals(Optional.of(new Message(read.id(), chat.id(), null, new MessageText("Edited"), T0, T0.plusSeconds(1), 2)),
                messages.byId(owner, read.id()).map(Visible::message));
    }

    @Test
    void givenADeletedMessage_whenEdited_thenStaleAndNothingComesBack() {
        Message message = data.post(member, chat.id(), "Gone soon", T0);
        assertTrue(messages.delete(chat.id(), message.id(), OptionalLong.empty()));

        assertThrows(StaleVersionException.class, () -> messages.update(message.edit(new MessageText("Back?"), T0.plusSeconds(1))));
        assertEquals(Optional.empty(), messages.byId(member, message.id()));
        assertEquals(Optional.of(0L), chats.asMember(owner, chat.id()).map(ChatView::messageCount));
    }

    @Test
    void givenMessages_whenTheNewestIsDeleted_thenTheCountDropsAndTheLatestActivityFallsBackUntilNoneIsLeft() {
        Message first = data.post(member, chat.id(), "One", T0.plusSeconds(1));
        Message middle = data.post(owner, chat.id(), "Two", T0.plusSeconds(2));
        Message newest = data.post(member, chat.id(), "Three", T0.plusSeconds(3));

        assertTrue(messages.delete(chat.id(), middle.id(), OptionalLong.empty()));
        assertEquals(Optional.of(new ChatView(chat, 2, 2, newest.createdAt())), chats.asMember(owner, chat.id()));

        assertTrue(messages.delete(chat.id(), newest.id(), OptionalLong.empty()));
        assertEquals(Optional.of(new ChatView(chat, 2, 1, first.createdAt())), chats.asMember(owner, chat.id()));

        assertTrue(messages.delete(chat.id(), first.id(), OptionalLong.empty()));
        assertEquals(Optional.of(new ChatView(chat, 2, 0, null)), chats.asMember(owner, chat.id()));
        assertEquals(Optional.empty(), messages.byId(owner, first.id()));
        // it falls back to the chat's creation in the list's order as well
        assertEquals(List.of(new ChatView(chat, 2, 0, null)), chats.list(owner, ChatQuery.all(), PageRequest.first()).items());
    }

    @Test
    void givenADeletedMessage_whenDeletedAgain_thenFalseAndTheCountIsNotTakenTwice() {
        Message message = data.post(member, chat.id(), "Once", T0);
        data.post(member, chat.id(), "Stays", T0.plusSeconds(1));

        assertTrue(messages.delete(chat.id(), message.id(), OptionalLong.empty()));
        assertFalse(messages.delete(chat.id(), message.id(), OptionalLong.empty()));

        assertEquals(Optional.of(1L), chats.asMember(owner, chat.id()).map(ChatView::messageCount));
    }

    @Test
    void givenAMessageOfAnotherChat_whenDeletedThroughThisChat_thenFalseAndItStays() {
        Chat other = data.chat(owner, "Other");
        Message elsewhere = data.post(owner, other.id(), "Elsewhere", T0);

        assertFalse(messages.delete(chat.id(), elsewhere.id(), OptionalLong.empty()));

        assertTrue(messages.byId(owner, elsewhere.id()).isPresent());
        assertEquals(Optional.of(1L), chats.asMember(owner, other.id()).map(ChatView::messageCount));
        assertEquals(Optional.of(0L), chats.asMember(owner, chat.id()).map(ChatView::messageCount));
    }

    @Test
    void givenAMessageEditedSinceVersionOne_whenDeletedAtVersionOne_thenItStaysCountedAndAtItsVersionItGoes() {
        Message message = data.post(member, chat.id(), "v1", T0);
        Message edited = message.edit(new MessageText("v2"), T0.plusSeconds(2));
        messages.update(edited);

        assertFalse(messages.delete(chat.id(), message.id(), OptionalLong.of(1)));
        assertEquals(Optional.of(edited), messages.byId(member, message.id()).map(Visible::message));
        assertEquals(Optional.of(1L), chats.asMember(member, chat.id()).map(ChatView::messageCount));

        assertTrue(messages.delete(chat.id(), message.id(), OptionalLong.of(2)));
        assertEquals(Optional.of(0L), chats.asMember(member, chat.id()).map(ChatView::messageCount));
    }

    /** A message at 23:59:59.999999 UTC is still its own day, one at 00:00 UTC the next one's. */
    @Test
    void givenMessagesOverSeveralDays_whenCounted_thenPerUtcDayPerAuthorAndInTotalWithInclusiveBounds() {
        UserId departed = data.user();
        UserId alsoDeparted = data.user();
        chats.addMember(chat.id(), departed, T0);
        chats.addMember(chat.id(), alsoDeparted, T0);
        Instant lastOfNov1 = Instant.parse("2026-11-01T23:59:59.999999Z");
        Instant firstOfNov2 = Instant.parse("2026-11-02T00:00:00Z");
        data.post(owner, chat.id(), "a", lastOfNov1);
        data.post(owner, chat.id(), "b", firstOfNov2);
        data.post(member, chat.id(), "c", Instant.parse("2026-11-02T10:00:00Z"));
        data.post(departed, chat.id(), "d", Instant.parse("2026-11-03T09:00:00Z"));
        data.post(owner, chat.id(), "e", Instant.parse("2026-11-03T12:00:00Z"));
        data.post(alsoDeparted, chat.id(), "f", Instant.parse("2026-11-04T00:00:00Z"));
        data.post(member, chat.id(), "g", Instant.parse("2026-11-05T08:00:00Z"));
        storage.users().delete(departed, OptionalLong.empty());
        storage.users().delete(alsoDeparted, OptionalLong.empty());

        ChatStats all = messages.stats(member, chat.id(), null, null);
        assertEquals(new ChatStats(7, lastOfNov1, Instant.parse("2026-11-05T08:00:00Z"),
                List.of(day("2026-11-01", 1), day("2026-11-02", 2), day("2026-11-03", 2), day("2026-11-04", 1),
                        day("2026-11-05", 1)),
                List.of(new AuthorCount(owner, 3), new AuthorCount(member, 2), new AuthorCount(null, 2))), all);

        assertEquals(new ChatStats(4, firstOfNov2, Instant.parse("2026-11-03T12:00:00Z"),
                        List.of(day("2026-11-02", 2), day("2026-11-03", 2)),
                        List.of(new AuthorCount(owner, 2), new AuthorCount(member, 1), new AuthorCount(null, 1))),
                messages.stats(member, chat.id(), LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")));

        ChatStats fromNov4 = messages.stats(owner, chat.id(), LocalDate.parse("2026-11-04"), null);
        assertEquals(2, fromNov4.messageCount());
        assertEquals(List.of(day("2026-11-04", 1), day("2026-11-05", 1)), fromNov4.perDay());

        assertEquals(new ChatStats(1, lastOfNov1, lastOfNov1, List.of(day("2026-11-01", 1)), List.of(new AuthorCount(owner, 1))),
                messages.stats(owner, chat.id(), null, LocalDate.parse("2026-11-01")));

        assertEquals(all, messages.stats(owner, chat.id(), null, null));
    }

    /** The ids differ in their first bit: PostgreSQL orders uuids as unsigned bytes, {@link UUID#compareTo} does not. */
    @Test
    void givenAuthorsWithAsManyMessagesEach_whenCounted_thenTheyRunInUuidOrderWithDepartedAccountsLast() {
        long random = UUID.randomUUID().getLeastSignificantBits();
        UserId high = data.user(new UUID(0x8000_0000_0000_4000L, random));
        UserId low = data.user(new UUID(0x7FFF_FFFF_FFFF_4FFFL, random));
        UserId departed = data.user(new UUID(0x0000_0000_0000_4000L, random));
        for (UserId author : List.of(high, low, departed)) {
            chats.addMember(chat.id(), author, T0);
            data.post(author, chat.id(), "one", T0);
        }
        storage.users().delete(departed, OptionalLong.empty());

        assertEquals(List.of(new AuthorCount(low, 1), new AuthorCount(high, 1), new AuthorCount(null, 1)),
                messages.stats(owner, chat.id(), null, null).perAuthor());
    }

    @Test
    void givenMessages_whenCountedByAnOutsiderOrOverAQuietPeriod_thenZeroAndNothingElse() {
        data.posts(member, chat.id(), 3, T0);
        ChatStats nothing = new ChatStats(0, null, null, List.of(), List.of());

        assertEquals(nothing, messages.stats(outsider, chat.id(), null, null));
        assertEquals(nothing, messages.stats(member, chat.id(), LocalDate.parse("2030-01-01"), null));
        assertEquals(3, messages.stats(member, chat.id(), null, null).messageCount());
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

        List<Message> first = messages.byAuthor(member, null, 2);
        List<Message> second = messages.byAuthor(member, first.get(1).id(), 2);
        List<Message> third = messages.byAuthor(member, second.get(1).id(), 2);

        assertEquals(List.of(a, b), first);
        assertEquals(List.of(c, d), second);
        assertEquals(List.of(e), third);
        assertEquals(List.of(), messages.byAuthor(member, third.get(0).id(), 2));
    }

    @Test
    void givenAUserWhoOwnsAChatAndWroteInAnother_whenTheAccountIsDeleted_thenTheirWordsElsewhereStayWithoutAnAuthor() {
        Chat leaversChat = data.chat(member, "Leaver's own", owner);
        Message inLeaversChat = data.post(owner, leaversChat.id(), "Hi in yours", T0);
        data.post(member, leaversChat.id(), "Mine in mine", T0.plusSeconds(1));
        Message written = data.post(member, chat.id(), "Mine in theirs", T0.plusSeconds(2));
        Message reply = data.post(owner, chat.id(), "Reply", T0.plusSeconds(3));

        assertTrue(storage.users().delete(member, OptionalLong.empty()));

        Message anonymous = new Message(written.id(), written.chat(), null, written.text(), written.createdAt(), null, 1);
        assertEquals(Optional.of(new Visible(anonymous, owner)), messages.byId(owner, written.id()));
        assertEquals(List.of(reply, anonymous), messages.slice(owner, chat.id(), MessageCursor.latest(10)).items());
        assertEquals(Optional.of(new ChatView(chat, 1, 2, reply.createdAt())), chats.asMember(owner, chat.id()));
        assertEquals(List.of(), messages.byAuthor(member, null, 10));
        // the chat the account owned is gone, with everyone's messages in it
        assertEquals(Optional.empty(), chats.asMember(owner, leaversChat.id()));
        assertEquals(Optional.empty(), messages.byId(owner, inLeaversChat.id()));
        assertEquals(List.of(reply), messages.byAuthor(owner, null, 10));
    }

    /**
     * Members posting to one chat at once, each post in a transaction of its own as the service makes it, while a
     * reader pages back through the chat: no post is lost from the count, ids follow the order of the commits, and
     * every pass of the reader sees every message up to the newest it started from exactly once.
     */
    @Test
    void givenMembersPostingAtOnce_whenAllHaveCommitted_thenEveryPostIsCountedAndIdsFollowCommitOrder() {
        int writers = 4;
        int postsEach = 15;
        List<UserId> posters = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            posters.add(data.user());
        }
        Chat crowded = data.chat(owner, "Crowded", posters.toArray(UserId[]::new));
        List<MessageId> before = data.posts(owner, crowded.id(), 30, T0).stream().map(Message::id).toList();
        List<MessageId> commitOrder = new CopyOnWriteArrayList<>();
        List<List<MessageId>> readerPasses = new CopyOnWriteArrayList<>();
        AtomicInteger writing = new AtomicInteger(writers);

        List<Runnable> calls = new ArrayList<>();
        for (UserId poster : posters) {
            calls.add(() -> {
                try {
                    for (int i = 0; i < postsEach; i++) {
                        String text = "post " + i;
                        storage.transactions().inTransaction(() -> {
                            Message message = data.post(poster, crowded.id(), text, T0, TestChats.freshId());
                            // the chat is still held by this transaction: recorded in commit order
                            commitOrder.add(message.id());
                            return null;
                        });
                    }
                } finally {
                    writing.decrementAndGet();
                }
            });
        }
        calls.add(() -> {
            do {
                int committedAtStart = commitOrder.size();
                List<MessageId> seen = readBackFromTheLatest(owner, crowded, 7);
                if (commitOrder.size() != committedAtStart) {
                    readerPasses.add(seen);
                }
            } while (writing.get() > 0);
        });
        AllAtOnce.run(calls);

        List<MessageId> stored = new ArrayList<>(data.all(owner, crowded.id()).stream().map(Message::id).toList());
        Collections.reverse(stored);
        List<MessageId> expected = new ArrayList<>(before);
        expected.addAll(commitOrder);
        assertEquals(expected, stored, "every post, in the order of the commits");
        assertEquals(Optional.of((long) stored.size()), chats.asMember(owner, crowded.id()).map(ChatView::messageCount));
        assertEquals(Optional.of(new Slot(commitOrder.get(commitOrder.size() - 1))), reserve(owner, crowded));
        for (List<MessageId> seen : readerPasses) {
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no message seen twice");
            // exactly the messages up to the newest one the pass started from, newest first: no gap, no repeat
            List<MessageId> existing = new ArrayList<>(stored.subList(0, stored.indexOf(seen.get(0)) + 1));
            Collections.reverse(existing);
            assertEquals(existing, seen);
        }
    }

    /** Every message from the latest back to the first, a page at a time, each page read on its own. */
    private List<MessageId> readBackFromTheLatest(UserId caller, Chat of, int perPage) {
        List<MessageId> seen = new ArrayList<>();
        MessageSlice page = messages.slice(caller, of.id(), MessageCursor.latest(perPage));
        while (true) {
            page.items().forEach(message -> seen.add(message.id()));
            if (page.next().isEmpty()) {
                return seen;
            }
            page = messages.slice(caller, of.id(), page.next().orElseThrow());
        }
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

    private Optional<Slot> reserve(UserId caller) {
        return reserve(caller, chat);
    }

    private Optional<Slot> reserve(UserId caller, Chat of) {
        return storage.transactions().inTransaction(() -> chats.reserveMessage(caller, of.id()));
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
