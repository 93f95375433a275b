package org.dreamdiary.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.VersionPreconditions.chatAt;
import static org.dreamdiary.application.service.chat.ChatWorld.ALICE;
import static org.dreamdiary.application.service.chat.ChatWorld.ALL;
import static org.dreamdiary.application.service.chat.ChatWorld.BOB;
import static org.dreamdiary.application.service.chat.ChatWorld.CAROL;
import static org.dreamdiary.application.service.chat.ChatWorld.DAVE;
import static org.dreamdiary.application.service.chat.ChatWorld.NOBODY;
import static org.dreamdiary.application.service.chat.ChatWorld.START;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.ForbiddenException;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

    @AutoClose
    private final ChatWorld world = new ChatWorld();
    private final ChatService chats = world.chatService;

    @AfterEach
    void everyWriteAndEveryPublishHappenedInsideATransaction() {
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    private List<UserId> memberIds(UserId caller, ChatId chat) {
        return chats.members(caller, chat, ALL).items().stream().map(User::id).toList();
    }

    private ChatView view(UserId caller, ChatId chat) {
        return chats.overview(caller, chat, 20).chat();
    }

    // create

    @Test
    void theCreatorOwnsTheNewChatAndIsItsFirstMember() {
        ChatView created = world.chat(ALICE, "Team", BOB, CAROL);

        assertThat(created.chat().owner()).isEqualTo(ALICE);
        assertThat(created.chat().title()).isEqualTo(new ChatTitle("Team"));
        assertThat(created.chat().createdAt()).isEqualTo(START);
        assertThat(created.chat().version()).isEqualTo(1);
        assertThat(created.memberCount()).isEqualTo(3);
        assertThat(created.messageCount()).isZero();
        assertThat(created.lastMessageAt()).isNull();
        assertThat(memberIds(ALICE, created.chat().id())).containsExactly(ALICE, BOB, CAROL);
        assertThat(view(BOB, created.chat().id())).isEqualTo(created);
    }

    @Test
    void creatingAChatIsOneTransactionAndPublishesNothing() {
        int before = world.transactions.begun();

        world.chat(ALICE, "Team", BOB);

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.transactions.rolledBack()).isZero();
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void aChatMayHaveItsOwnerAsItsOnlyMember() {
        ChatView created = world.chat(ALICE, "Notes to self");

        assertThat(created.memberCount()).isEqualTo(1);
        assertThat(memberIds(ALICE, created.chat().id())).containsExactly(ALICE);
    }

    @Test
    void theCallersOwnIdAmongTheMembersIsIgnored() {
        ChatView created = world.chat(ALICE, "Team", ALICE, BOB);

        assertThat(created.memberCount()).isEqualTo(2);
        assertThat(memberIds(ALICE, created.chat().id())).containsExactly(ALICE, BOB);
    }

    @Test
    void unknownUsersAreRefusedOnMemberIdsWithEachBadItemsIndexAndNothingIsStored() {
        UserId alsoNobody = new UserId(UUID.randomUUID());

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.chat(ALICE, "Team", BOB, NOBODY, CAROL, alsoNobody));

        assertThat(refused.errors()).containsExactly(new FieldError("member_ids", "item 1 names no user"),
                new FieldError("member_ids", "item 3 names no user"));
        assertThat(world.chatsOf(ALICE)).isZero();
        assertThat(chats.list(ALICE, ChatQuery.all(), ALL).items()).isEmpty();
    }

    @Test
    void aUserNamedTwiceIsRefusedOnMemberIds() {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.chat(ALICE, "Team", BOB, CAROL, BOB));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("member_ids");
        assertThat(world.chatsOf(ALICE)).isZero();
    }

    @Test
    void theCallerNamedTwiceIsRefusedToo() {
        assertThatThrownBy(() -> world.chat(ALICE, "Team", ALICE, ALICE)).isInstanceOf(ValidationException.class);
        assertThat(world.chatsOf(ALICE)).isZero();
    }

    // list and overview

    @Test
    void theListShowsTheCallersChatsMostRecentActivityFirstWithTheirCounts() {
        ChatId older = world.team();
        world.clock.advance(Duration.ofMinutes(1));
        ChatId newer = world.chat(BOB, "Bob's", ALICE).chat().id();
        world.chat(CAROL, "Carol's alone");
        world.clock.advance(Duration.ofMinutes(1));
        world.say(BOB, older, "news");

        Page<ChatView> listed = chats.list(ALICE, ChatQuery.all(), ALL);

        assertThat(listed.totalItems()).isEqualTo(2);
        assertThat(listed.items()).extracting(view -> view.chat().id()).containsExactly(older, newer);
        assertThat(listed.items().get(0).messageCount()).isEqualTo(1);
        assertThat(listed.items().get(0).lastMessageAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(listed.items().get(0).memberCount()).isEqualTo(3);
    }

    @Test
    void theOverviewShowsTheChatAndItsLatestMessagesNewestFirst() {
        ChatId team = world.team();
        world.say(ALICE, team, "one");
        Message two = world.say(BOB, team, "two");
        world.clock.advance(Duration.ofSeconds(5));
        Message three = world.say(CAROL, team, "three");

        ChatOverview overview = chats.overview(BOB, team, 2);

        assertThat(overview.latest()).containsExactly(three, two);
        assertThat(overview.chat().messageCount()).isEqualTo(3);
        assertThat(overview.chat().lastMessageAt()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void theOverviewIsOneReadWithoutATransactionAndHoldsOneToOneHundredMessages() {
        ChatId team = world.team();
        world.say(ALICE, team, "one");
        int before = world.transactions.begun();

        assertThat(chats.overview(BOB, team, MessageCursor.MAX_LIMIT).latest()).hasSize(1);

        assertThat(world.transactions.begun()).isEqualTo(before);
        assertThatThrownBy(() -> chats.overview(BOB, team, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> chats.overview(BOB, team, MessageCursor.MAX_LIMIT + 1))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void toAnOutsiderAChatDoesNotExist() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.overview(DAVE, team, 20)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chats.overview(ALICE, new ChatId(UUID.randomUUID()), 20))
                .isInstanceOf(NotFoundException.class);
        assertThat(chats.list(DAVE, ChatQuery.all(), ALL).items()).isEmpty();
    }

    // rename

    @Test
    void theOwnerRenamesTheChatAndItsVersionMovesOn() {
        ChatId team = world.team();
        world.say(BOB, team, "hi");
        world.clock.advance(Duration.ofHours(1));

        ChatView renamed = chats.rename(ALICE, team, Change.to(new ChatTitle("Dream team")), chatAt(1));

        assertThat(renamed.chat().title()).isEqualTo(new ChatTitle("Dream team"));
        assertThat(renamed.chat().version()).isEqualTo(2);
        assertThat(renamed.chat().createdAt()).isEqualTo(START);
        assertThat(renamed.chat().updatedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(renamed.memberCount()).isEqualTo(3);
        assertThat(renamed.messageCount()).isEqualTo(1);
        assertThat(view(BOB, team)).isEqualTo(renamed);
    }

    @Test
    void aMemberMayNotRenameTheChat() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.rename(BOB, team, Change.to(new ChatTitle("Bob's now")), chatAt(1)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(view(ALICE, team).chat().title()).isEqualTo(new ChatTitle("Team"));
    }

    @Test
    void toAnOutsiderTheChatToRenameDoesNotExist() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.rename(DAVE, team, Change.to(new ChatTitle("Dave's now")), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);

        assertThat(view(ALICE, team).chat().title()).isEqualTo(new ChatTitle("Team"));
    }

    @Test
    void aRenameBasedOnAnotherVersionIsStaleAndChangesNothing() {
        ChatId team = world.team();
        chats.rename(ALICE, team, Change.to(new ChatTitle("Second")), chatAt(1));

        assertThatThrownBy(() -> chats.rename(ALICE, team, Change.to(new ChatTitle("Too late")), chatAt(1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> chats.rename(ALICE, team, Change.to(new ChatTitle("Too early")), chatAt(3)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(view(ALICE, team).chat().title()).isEqualTo(new ChatTitle("Second"));
        assertThat(view(ALICE, team).chat().version()).isEqualTo(2);
    }

    // delete

    @Test
    void theOwnerDeletesTheChatWithItsMessagesAndEveryoneIsTold() {
        ChatId team = world.team();
        Message message = world.say(BOB, team, "bye");

        chats.delete(ALICE, team, ExpectedVersion.none());

        assertThatThrownBy(() -> chats.overview(ALICE, team, 20)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chats.overview(BOB, team, 20)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.messageService.message(BOB, message.id())).isInstanceOf(NotFoundException.class);
        assertThat(chats.list(BOB, ChatQuery.all(), ALL).items()).isEmpty();
        assertThat(world.events.published())
                .containsExactly(ChatEvent.created(message), ChatEvent.chatDeleted(team));
    }

    @Test
    void aMemberMayNotDeleteTheChat() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.delete(BOB, team, ExpectedVersion.none())).isInstanceOf(ForbiddenException.class);

        assertThat(view(BOB, team).chat().id()).isEqualTo(team);
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void toAnOutsiderTheChatToDeleteDoesNotExist() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.delete(DAVE, team, ExpectedVersion.none())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chats.delete(ALICE, new ChatId(UUID.randomUUID()), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);

        assertThat(view(ALICE, team).chat().id()).isEqualTo(team);
        assertThat(world.events.published()).isEmpty();
    }

    // members

    @Test
    void membersArePagedInJoiningOrderOwnerFirst() {
        ChatId team = world.team();
        world.clock.advance(Duration.ofMinutes(1));
        chats.add(ALICE, team, DAVE);

        Page<User> first = chats.members(CAROL, team, new PageRequest(1, 3));
        Page<User> second = chats.members(CAROL, team, new PageRequest(2, 3));

        assertThat(first.items()).extracting(User::id).containsExactly(ALICE, BOB, CAROL);
        assertThat(second.items()).extracting(User::id).containsExactly(DAVE);
        assertThat(first.totalItems()).isEqualTo(4);
    }

    @Test
    void toAnOutsiderTheMembersDoNotExist() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.members(DAVE, team, ALL)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chats.members(ALICE, new ChatId(UUID.randomUUID()), ALL))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theOwnerAddsAMemberWhoThenSeesTheChat() {
        ChatId team = world.team();
        world.clock.advance(Duration.ofMinutes(1));

        User added = chats.add(ALICE, team, DAVE);

        assertThat(added).isEqualTo(world.account(DAVE));
        assertThat(view(DAVE, team).memberCount()).isEqualTo(4);
        assertThat(memberIds(DAVE, team)).containsExactly(ALICE, BOB, CAROL, DAVE);
    }

    @Test
    void aMemberMayNotAddMembers() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.add(BOB, team, DAVE)).isInstanceOf(ForbiddenException.class);

        assertThatThrownBy(() -> chats.overview(DAVE, team, 20)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void toAnOutsiderTheChatToAddToDoesNotExist() {
        ChatId bobs = world.chat(BOB, "Bob's").chat().id();

        assertThatThrownBy(() -> chats.add(DAVE, bobs, DAVE)).isInstanceOf(NotFoundException.class);

        assertThat(memberIds(BOB, bobs)).containsExactly(BOB);
    }

    @Test
    void addingAnUnknownUserIsRefusedOnUserId() {
        ChatId team = world.team();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> chats.add(ALICE, team, NOBODY));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("user_id");
        assertThat(view(ALICE, team).memberCount()).isEqualTo(3);
    }

    @Test
    void addingSomeoneWhoIsAMemberAlreadyIsAConflict() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.add(ALICE, team, BOB)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> chats.add(ALICE, team, ALICE)).isInstanceOf(ConflictException.class);

        assertThat(memberIds(ALICE, team)).containsExactly(ALICE, BOB, CAROL);
    }

    // remove

    @Test
    void theOwnerRemovesAMemberWhoNoLongerSeesTheChatAndIsTold() {
        ChatId team = world.team();

        chats.remove(ALICE, team, BOB);

        assertThatThrownBy(() -> chats.overview(BOB, team, 20)).isInstanceOf(NotFoundException.class);
        assertThat(memberIds(ALICE, team)).containsExactly(ALICE, CAROL);
        assertThat(world.events.published()).containsExactly(ChatEvent.memberRemoved(team, BOB));
    }

    @Test
    void aMemberLeavesByRemovingThemself() {
        ChatId team = world.team();

        chats.remove(BOB, team, BOB);

        assertThat(memberIds(ALICE, team)).containsExactly(ALICE, CAROL);
        assertThat(world.events.published()).containsExactly(ChatEvent.memberRemoved(team, BOB));
    }

    @Test
    void aMemberMayNotRemoveAnotherMember() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.remove(BOB, team, CAROL)).isInstanceOf(ForbiddenException.class);

        assertThat(memberIds(ALICE, team)).containsExactly(ALICE, BOB, CAROL);
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void theOwnerCannotLeaveTheirOwnChat() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.remove(ALICE, team, ALICE)).isInstanceOf(ConflictException.class);

        assertThat(memberIds(ALICE, team)).containsExactly(ALICE, BOB, CAROL);
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void removingSomeoneWhoIsNoMemberIsNotFoundAndTellsNoOne() {
        ChatId team = world.team();
        int rolledBack = world.transactions.rolledBack();

        assertThatThrownBy(() -> chats.remove(ALICE, team, DAVE)).isInstanceOf(NotFoundException.class);

        assertThat(world.transactions.rolledBack()).isEqualTo(rolledBack + 1);
        assertThat(memberIds(ALICE, team)).containsExactly(ALICE, BOB, CAROL);
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void toAnOutsiderTheChatToRemoveFromDoesNotExist() {
        ChatId team = world.team();

        assertThatThrownBy(() -> chats.remove(DAVE, team, DAVE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> chats.remove(DAVE, team, BOB)).isInstanceOf(NotFoundException.class);

        assertThat(memberIds(ALICE, team)).containsExactly(ALICE, BOB, CAROL);
        assertThat(world.events.published()).isEmpty();
    }
}
