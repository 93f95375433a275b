package org.dreamdiary.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.VersionPreconditions.messageAt;
import static org.dreamdiary.application.service.chat.ChatWorld.ALICE;
import static org.dreamdiary.application.service.chat.ChatWorld.BOB;
import static org.dreamdiary.application.service.chat.ChatWorld.CAROL;
import static org.dreamdiary.application.service.chat.ChatWorld.DAVE;
import static org.dreamdiary.application.service.chat.ChatWorld.START;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.ChatStats.AuthorCount;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.service.SequentialIds;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.ForbiddenException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class MessageServiceTest {

    @AutoClose
    private final ChatWorld world = new ChatWorld();
    private final MessageService messages = world.messageService;
    /** Alice's chat with Bob and Carol; Dave is an outsider. */
    private final ChatId team = world.team();

    @AfterEach
    void everyWriteAndEveryPublishHappenedInsideATransaction() {
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    /** A UUIDv7 of a node whose clock reads {@code at}. */
    private static UUID v7(Instant at, long random) {
        return new UUID((at.toEpochMilli() << 16) | 0x7000L | (random & 0xFFFL), 0x8000000000000000L | random);
    }

    private List<String> texts(MessageSlice slice) {
        return slice.items().stream().map(message -> message.text().value()).toList();
    }

    private long messageCount() {
        return world.chatService.overview(ALICE, team, 1).chat().messageCount();
    }

    // send

    @Test
    void aSentMessageIsTheCallersAtTheCurrentTime() {
        world.clock.advance(Duration.ofMinutes(3));

        Message sent = world.say(BOB, team, "Hello");

        assertThat(sent.chat()).isEqualTo(team);
        assertThat(sent.author()).isEqualTo(BOB);
        assertThat(sent.text()).isEqualTo(new MessageText("Hello"));
        assertThat(sent.createdAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThat(sent.editedAt()).isNull();
        assertThat(sent.version()).isEqualTo(1);
        assertThat(messages.message(CAROL, sent.id())).isEqualTo(sent);
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void sendingIsOneTransactionThatPublishesTheNewMessage() {
        int before = world.transactions.begun();

        Message sent = world.say(BOB, team, "Hello");

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(sent));
    }

    @Test
    void aMessageSentInsideALargerUnitOfWorkJoinsItsTransactionAndIsUndoneWithIt() {
        int before = world.transactions.begun();

        assertThatThrownBy(() -> world.transactions.inTransaction(() -> {
            world.say(BOB, team, "only if the rest commits");
            throw new IllegalStateException("the rest failed");
        })).hasMessage("the rest failed");

        assertThat(world.transactions.rolledBack()).isEqualTo(1);
        assertThat(world.transactions.begun()).as("the outer one and the joined one").isEqualTo(before + 2);
        assertThat(messageCount()).isZero();
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void toAnOutsiderTheChatToPostInDoesNotExistAndNothingIsStoredOrPublished() {
        assertThatThrownBy(() -> world.say(DAVE, team, "Let me in")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.say(ALICE, new ChatId(UUID.randomUUID()), "Anyone?"))
                .isInstanceOf(NotFoundException.class);

        assertThat(messageCount()).isZero();
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void aRemovedMemberCanNoLongerPost() {
        world.chatService.remove(ALICE, team, BOB);

        assertThatThrownBy(() -> world.say(BOB, team, "Still here?")).isInstanceOf(NotFoundException.class);
        assertThat(messageCount()).isZero();
    }

    @Test
    void aMessageFromANodeWhoseClockIsBehindStillGetsAGreaterIdThanTheChatsLast() {
        world.ids.thenGive(v7(START.plusSeconds(10), 0x123));
        Message first = world.say(ALICE, team, "from a node on time");
        world.ids.thenGive(v7(START, 0xFFF));

        Message second = world.say(BOB, team, "from a node behind");

        UUID id = second.id().value();
        assertThat(MessageIds.compareUnsigned(id, first.id().value())).isPositive();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(texts(messages.list(CAROL, team, MessageCursor.latest(10))))
                .containsExactly("from a node behind", "from a node on time");
    }

    @Test
    void aFreshIdEqualToTheChatsLastIsNotUsedTwice() {
        Message first = world.say(ALICE, team, "one");
        world.ids.thenGive(first.id().value());

        Message second = world.say(ALICE, team, "two");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(MessageIds.compareUnsigned(second.id().value(), first.id().value())).isPositive();
    }

    @Test
    void theIdOfADeletedNewestMessageIsNotGivenAgain() {
        world.say(ALICE, team, "kept");
        Message deleted = world.say(ALICE, team, "deleted");
        messages.delete(ALICE, deleted.id(), ExpectedVersion.none());
        world.ids.thenGive(deleted.id().value());

        Message next = world.say(ALICE, team, "next");

        assertThat(MessageIds.compareUnsigned(next.id().value(), deleted.id().value())).isPositive();
    }

    // list and get

    @Test
    void listingRunsNewestFirstFromTheLatestOrFromBeforeAMessageAndOldestFirstAfterOne() {
        List<Message> sent = new ArrayList<>();
        for (String text : List.of("1", "2", "3", "4", "5")) {
            sent.add(world.say(BOB, team, text));
        }

        MessageSlice latest = messages.list(CAROL, team, MessageCursor.latest(2));
        MessageSlice before = messages.list(CAROL, team, latest.next().orElseThrow());
        MessageSlice after = messages.list(CAROL, team, MessageCursor.after(sent.get(1).id(), 2));

        assertThat(texts(latest)).containsExactly("5", "4");
        assertThat(latest.more()).isTrue();
        assertThat(texts(before)).containsExactly("3", "2");
        assertThat(texts(messages.list(CAROL, team, before.next().orElseThrow()))).containsExactly("1");
        assertThat(texts(after)).containsExactly("3", "4");
        MessageSlice rest = messages.list(CAROL, team, after.next().orElseThrow());
        assertThat(texts(rest)).containsExactly("5");
        assertThat(rest.next()).isEmpty();
    }

    @Test
    void toAnOutsiderTheMessagesOfAChatDoNotExist() {
        Message sent = world.say(BOB, team, "members only");

        assertThatThrownBy(() -> messages.list(DAVE, team, MessageCursor.latest(10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.message(DAVE, sent.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.message(ALICE, new MessageId(SequentialIds.sequential(999))))
                .isInstanceOf(NotFoundException.class);
    }

    // edit

    @Test
    void theAuthorEditsTheirMessageWhichMovesItsVersionOnAndMarksItEdited() {
        Message sent = world.say(BOB, team, "Helo");
        world.clock.advance(Duration.ofMinutes(1));

        Message edited = messages.edit(BOB, sent.id(), Change.to(new MessageText("Hello")), messageAt(1));

        assertThat(edited.text()).isEqualTo(new MessageText("Hello"));
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.editedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(edited.createdAt()).isEqualTo(START);
        assertThat(messages.message(CAROL, sent.id())).isEqualTo(edited);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(sent), ChatEvent.updated(edited));
    }

    @Test
    void onlyTheAuthorMayEditNotAnotherMemberNorTheOwner() {
        Message sent = world.say(BOB, team, "mine");

        assertThatThrownBy(() -> messages.edit(CAROL, sent.id(), Change.to(new MessageText("Carol's")), messageAt(1)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> messages.edit(ALICE, sent.id(), Change.to(new MessageText("Alice's")), messageAt(1)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(messages.message(BOB, sent.id())).isEqualTo(sent);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(sent));
    }

    @Test
    void toAnOutsiderTheMessageToEditDoesNotExist() {
        Message sent = world.say(BOB, team, "mine");

        assertThatThrownBy(() -> messages.edit(DAVE, sent.id(), Change.to(new MessageText("Dave's")), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);

        assertThat(messages.message(BOB, sent.id())).isEqualTo(sent);
    }

    @Test
    void anEditBasedOnAnotherVersionIsStaleAndChangesNothing() {
        Message sent = world.say(BOB, team, "one");
        Message current = messages.edit(BOB, sent.id(), Change.to(new MessageText("two")), messageAt(1));

        assertThatThrownBy(() -> messages.edit(BOB, sent.id(), Change.to(new MessageText("late")), messageAt(1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> messages.edit(BOB, sent.id(), Change.to(new MessageText("early")), messageAt(3)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(messages.message(BOB, sent.id())).isEqualTo(current);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(sent), ChatEvent.updated(current));
    }

    // delete

    @Test
    void theAuthorDeletesTheirMessageWhichIsUncountedAndEveryoneIsTold() {
        Message kept = world.say(BOB, team, "kept");
        Message sent = world.say(BOB, team, "oops");

        messages.delete(BOB, sent.id(), ExpectedVersion.none());

        assertThatThrownBy(() -> messages.message(BOB, sent.id())).isInstanceOf(NotFoundException.class);
        assertThat(messageCount()).isEqualTo(1);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(kept), ChatEvent.created(sent),
                ChatEvent.deleted(team, sent.id()));
    }

    @Test
    void theOwnerDeletesAnyonesMessage() {
        Message sent = world.say(BOB, team, "rude");

        messages.delete(ALICE, sent.id(), ExpectedVersion.none());

        assertThatThrownBy(() -> messages.message(ALICE, sent.id())).isInstanceOf(NotFoundException.class);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(sent), ChatEvent.deleted(team, sent.id()));
    }

    @Test
    void anotherMemberMayNotDeleteAMessage() {
        Message sent = world.say(BOB, team, "mine");

        assertThatThrownBy(() -> messages.delete(CAROL, sent.id(), ExpectedVersion.none())).isInstanceOf(ForbiddenException.class);

        assertThat(messages.message(CAROL, sent.id())).isEqualTo(sent);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(sent));
    }

    @Test
    void toAnOutsiderTheMessageToDeleteDoesNotExist() {
        Message sent = world.say(BOB, team, "mine");

        assertThatThrownBy(() -> messages.delete(DAVE, sent.id(), ExpectedVersion.none())).isInstanceOf(NotFoundException.class);

        assertThat(messages.message(BOB, sent.id())).isEqualTo(sent);
        assertThat(messageCount()).isEqualTo(1);
    }

    // stats

    @Test
    void statsCountTheChatsMessagesOverTheDaysAsked() {
        world.say(BOB, team, "day one");
        world.clock.advance(Duration.ofDays(1));
        world.say(BOB, team, "day two");
        world.say(CAROL, team, "day two too");

        ChatStats stats = messages.stats(ALICE, team, Optional.of(LocalDate.of(2024, 6, 2)), Optional.empty());
        ChatStats all = messages.stats(ALICE, team, Optional.empty(), Optional.empty());

        assertThat(stats.messageCount()).isEqualTo(2);
        assertThat(stats.perAuthor()).extracting(AuthorCount::author).containsExactlyInAnyOrder(BOB, CAROL);
        assertThat(all.messageCount()).isEqualTo(3);
        assertThat(all.perAuthor().get(0)).isEqualTo(new AuthorCount(BOB, 2));
    }

    @Test
    void statsFromAfterToAreRefusedOnFrom() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> messages.stats(ALICE, team,
                Optional.of(LocalDate.of(2024, 6, 2)), Optional.of(LocalDate.of(2024, 6, 1))));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("from");
    }

    @Test
    void statsOfASingleDayAreFine() {
        world.say(BOB, team, "today");

        ChatStats stats = messages.stats(ALICE, team, Optional.of(LocalDate.of(2024, 6, 1)),
                Optional.of(LocalDate.of(2024, 6, 1)));

        assertThat(stats.messageCount()).isEqualTo(1);
    }

    @Test
    void toAnOutsiderTheStatsOfAChatDoNotExist() {
        assertThatThrownBy(() -> messages.stats(DAVE, team, Optional.empty(), Optional.empty()))
                .isInstanceOf(NotFoundException.class);
    }
}
