package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestChats.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.application.port.out.chat.Chats.Slots;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Chats} port promises: every read is made as a member and sees nothing of
 * other chats; the list's order, search and paging; optimistic renames; owner-only deletion that takes memberships
 * and messages with it, also at an expected version; membership; the reservation of a chat for new messages; and
 * what deleting an account takes with it. Every test works with new accounts, so the tests share one store.
 */
public abstract class ChatsContract extends StorageContract {
    private static final PageRequest FIRST_PAGE = PageRequest.first();

    private TestChats data;
    private Chats chats;
    private UserId owner;
    private UserId member;
    private UserId outsider;

    @BeforeEach
    final void threeNewUsers() {
        data = new TestChats(storage);
        chats = storage.chats();
        owner = data.user();
        member = data.user();
        outsider = data.user();
    }

    @Test
    void givenAChatWithMembers_whenReadByAMember_thenItIsSeenWithItsMemberCountAndNoMessages() {
        UserId another = data.user();
        Chat chat = data.chat(owner, "Lucid dreamers", member, another);

        assertEquals(Optional.of(new ChatView(chat, 3, 0, null)), chats.asMember(member, chat.id()));
        assertEquals(Optional.of(new ChatView(chat, 3, 0, null)), chats.asMember(owner, chat.id()));
        assertEquals(3, chats.members(another, chat.id(), FIRST_PAGE).totalItems());
    }

    @Test
    void givenAChatWithoutOtherMembers_whenRead_thenTheOwnerIsItsOnlyMember() {
        Chat chat = data.chat(owner, "Notes to self");

        assertEquals(Optional.of(1L), chats.asMember(owner, chat.id()).map(ChatView::memberCount));
    }

    @Test
    void givenAChatWithMessages_whenReadByAnOutsider_thenNothingOfItIsSeen() {
        Chat chat = data.chat(owner, "Private", member);
        data.posts(member, chat.id(), 2, T0);

        assertEquals(Optional.empty(), chats.asMember(outsider, chat.id()));
        assertEquals(Optional.empty(), chats.overview(outsider, chat.id(), 20));
        assertEquals(List.of(), chats.list(outsider, ChatQuery.all(), FIRST_PAGE).items());
        Page<User> members = chats.members(outsider, chat.id(), FIRST_PAGE);
        assertEquals(List.of(), members.items());
        assertEquals(0, members.totalItems());
    }

    @Test
    void givenNoSuchChat_whenReadByAnyone_thenNothingIsSeen() {
        ChatId none = new ChatId(UUID.randomUUID());

        assertEquals(Optional.empty(), chats.asMember(owner, none));
        assertEquals(Optional.empty(), chats.overview(owner, none, 20));
        assertEquals(0, chats.members(owner, none, FIRST_PAGE).totalItems());
    }

    @Test
    void givenAChatWithMessages_whenItsOverviewIsRead_thenTheChatAsSeenAloneWithItsLatestMessagesNewestFirst() {
        Chat chat = data.chat(owner, "Busy", member);
        Chat other = data.chat(owner, "Other", member);
        List<Message> posted = data.posts(member, chat.id(), 5, T0.plusSeconds(1));
        data.posts(owner, other.id(), 2, T0.plusSeconds(10));

        Optional<ChatOverview> overview = chats.overview(member, chat.id(), 3);

        assertEquals(chats.asMember(member, chat.id()), overview.map(ChatOverview::chat));
        assertEquals(Optional.of(List.of(posted.get(4), posted.get(3), posted.get(2))), overview.map(ChatOverview::latest));
        assertEquals(Optional.of(List.of(posted.get(4), posted.get(3), posted.get(2), posted.get(1), posted.get(0))),
                chats.overview(owner, chat.id(), 100).map(ChatOverview::latest));
    }

    @Test
    void givenAChatWithoutMessages_whenItsOverviewIsRead_thenTheChatWithNoMessages() {
        Chat chat = data.chat(owner, "Quiet", member);

        assertEquals(Optional.of(new ChatOverview(new ChatView(chat, 2, 0, null), List.of())),
                chats.overview(member, chat.id(), 20));
    }

    @Test
    void givenChatsOfSeveralUsers_whenListed_thenOnlyTheCallersChatsAreListedWhoeverOwnsThem() {
        Chat own = data.chat(member, "Own");
        Chat joined = data.chat(owner, "Joined", member);
        data.chat(owner, "Not joined", outsider);
        data.chat(outsider, "Someone else's");

        Page<ChatView> page = chats.list(member, ChatQuery.all(), FIRST_PAGE);

        assertEquals(Set.of(own.id(), joined.id()), Set.copyOf(page.items().stream().map(view -> view.chat().id()).toList()));
        assertEquals(2, page.items().size());
        assertEquals(2, page.totalItems());
    }

    @Test
    void givenChatsWithAndWithoutMessages_whenListed_thenTheMostRecentActivityComesFirst() {
        Chat oldest = data.chat(owner, "Created first", T0);
        Chat middle = data.chat(owner, "Created second", T0.plus(Duration.ofHours(1)));
        data.chat(owner, "Created third", T0.plus(Duration.ofHours(2)));

        assertEquals(List.of("Created third", "Created second", "Created first"), titles(owner, ChatQuery.all()));

        // a message makes the oldest chat the most recently active
        Message latest = data.post(owner, oldest.id(), "Anyone awake?", T0.plus(Duration.ofHours(3)));
        assertEquals(List.of("Created first", "Created third", "Created second"), titles(owner, ChatQuery.all()));
        assertEquals(new ChatView(oldest, 1, 1, latest.createdAt()), chats.list(owner, ChatQuery.all(), FIRST_PAGE).items().get(0));

        // an older message in the middle chat: it now counts from then, still after the newest chat's creation
        data.post(owner, middle.id(), "Earlier", T0.plus(Duration.ofMinutes(150)));
        assertEquals(List.of("Created first", "Created second", "Created third"), titles(owner, ChatQuery.all()));

        // with its only message gone, the oldest chat falls back to its creation time
        assertTrue(storage.messages().delete(oldest.id(), latest.id(), OptionalLong.empty()));
        assertEquals(List.of("Created second", "Created third", "Created first"), titles(owner, ChatQuery.all()));
        assertEquals(Optional.of(new ChatView(oldest, 1, 0, null)), chats.asMember(owner, oldest.id()));
    }

    /** The ids differ in their first bit: PostgreSQL orders uuids as unsigned bytes, {@link UUID#compareTo} does not. */
    @Test
    void givenChatsActiveAtTheSameMoment_whenListed_thenTheGreaterIdInUuidOrderComesFirst() {
        long random = UUID.randomUUID().getLeastSignificantBits();
        Chat low = data.chat(new ChatId(new UUID(0x7FFF_FFFF_FFFF_4FFFL, random)), owner, "Low id", T0);
        Chat high = data.chat(new ChatId(new UUID(0x8000_0000_0000_4000L, random)), owner, "High id", T0);
        Chat lowest = data.chat(new ChatId(new UUID(0x0000_0000_0000_4000L, random)), owner, "Lowest id", T0);

        assertEquals(List.of(high.id(), low.id(), lowest.id()), chats.list(owner, ChatQuery.all(), FIRST_PAGE).items()
                .stream().map(view -> view.chat().id()).toList());
    }

    @Test
    void givenTitlesInMixedCase_whenSearched_thenTheSearchIgnoresCase() {
        data.chat(owner, "Lucid DREAMS club");
        data.chat(owner, "Сонный Кружок");
        data.chat(owner, "Nightmares");

        assertEquals(List.of("Lucid DREAMS club"), titles(owner, search("dreams")));
        assertEquals(List.of("Lucid DREAMS club"), titles(owner, search("LUCID d")));
        assertEquals(List.of("Сонный Кружок"), titles(owner, search("сонный")));
        assertEquals(List.of("Сонный Кружок"), titles(owner, search("КРУЖОК")));
        assertEquals(List.of(), titles(owner, search("nothing like it")));
    }

    @Test
    void givenTitlesWithWildcardCharacters_whenSearchedForThem_thenTheyAreTakenLiterally() {
        data.chat(owner, "100% awake");
        data.chat(owner, "100 awake");
        data.chat(owner, "snake_case");
        data.chat(owner, "snakeXcase");
        data.chat(owner, "back\\slash");
        data.chat(owner, "backslash");

        assertEquals(List.of("100% awake"), titles(owner, search("%")));
        assertEquals(List.of("100% awake"), titles(owner, search("0% a")));
        assertEquals(List.of("snake_case"), titles(owner, search("_")));
        assertEquals(List.of("snake_case"), titles(owner, search("e_c")));
        assertEquals(List.of("back\\slash"), titles(owner, search("\\")));
        assertEquals(1, chats.list(owner, search("%"), FIRST_PAGE).totalItems());
    }

    @Test
    void givenOwnedAndJoinedChats_whenOnlyOwnedAreAsked_thenJoinedOnesAreLeftOut() {
        data.chat(member, "Mine, Dreams", T0);
        data.chat(member, "Mine, too", T0.plusSeconds(1));
        data.chat(owner, "Theirs, Dreams", T0.plusSeconds(2), member);

        assertEquals(List.of("Mine, too", "Mine, Dreams"), titles(member, new ChatQuery(Optional.empty(), true)));
        assertEquals(List.of("Mine, Dreams"), titles(member, new ChatQuery(Optional.of("dreams"), true)));
        assertEquals(List.of("Theirs, Dreams", "Mine, Dreams"), titles(member, new ChatQuery(Optional.of("dreams"), false)));
        assertEquals(2, chats.list(member, new ChatQuery(Optional.empty(), true), FIRST_PAGE).totalItems());
    }

    @Test
    void givenFiveChats_whenPaged_thenEachPageHoldsItsShareAndTheTotalIsOfAll() {
        for (int i = 1; i <= 5; i++) {
            data.chat(owner, "Chat " + i, T0.plus(Duration.ofMinutes(i)));
        }

        Page<ChatView> first = chats.list(owner, ChatQuery.all(), new PageRequest(1, 2));
        Page<ChatView> last = chats.list(owner, ChatQuery.all(), new PageRequest(3, 2));
        Page<ChatView> beyond = chats.list(owner, ChatQuery.all(), new PageRequest(4, 2));

        assertEquals(List.of("Chat 5", "Chat 4"), first.items().stream().map(view -> view.chat().title().value()).toList());
        assertEquals(5, first.totalItems());
        assertTrue(first.hasNext());
        assertEquals(List.of("Chat 1"), last.items().stream().map(view -> view.chat().title().value()).toList());
        assertEquals(5, last.totalItems());
        assertFalse(last.hasNext());
        assertEquals(List.of(), beyond.items());
        assertEquals(5, beyond.totalItems());
    }

    @Test
    void givenAChat_whenRenamedFromItsCurrentVersion_thenTheNewTitleAndVersionAreStored() {
        Chat chat = data.chat(owner, "Old title", member);
        Chat renamed = chat.retitle(new ChatTitle("New title"), T0.plusSeconds(60));

        chats.update(renamed);

        assertEquals(Optional.of(renamed), chats.asMember(member, chat.id()).map(ChatView::chat));
    }

    @Test
    void givenAChatRenamedMeanwhile_whenRenamedFromTheOldVersion_thenStaleAndTheFirstRenameStays() {
        Chat chat = data.chat(owner, "Original");
        Chat first = chat.retitle(new ChatTitle("First rename"), T0.plusSeconds(1));
        Chat second = chat.retitle(new ChatTitle("Second rename"), T0.plusSeconds(2));
        chats.update(first);

        assertThrows(StaleVersionException.class, () -> chats.update(second));
        assertEquals(Optional.of(first), chats.asMember(owner, chat.id()).map(ChatView::chat));
    }

    @Test
    void givenAChatDeletedMeanwhile_whenRenamed_thenStaleAndNothingComesBack() {
        Chat chat = data.chat(owner, "Gone soon");
        assertTrue(chats.delete(owner, chat.id(), OptionalLong.empty()));

        assertThrows(StaleVersionException.class, () -> chats.update(chat.retitle(new ChatTitle("Back?"), T0.plusSeconds(1))));
        assertEquals(Optional.empty(), chats.asMember(owner, chat.id()));
    }

    @Test
    void givenAChatWithMessages_whenDeletedByAMemberWhoIsNotItsOwner_thenNothingIsDeleted() {
        Chat chat = data.chat(owner, "Keep me", member);
        data.post(member, chat.id(), "Hello", T0);

        assertFalse(chats.delete(member, chat.id(), OptionalLong.empty()));
        assertFalse(chats.delete(outsider, chat.id(), OptionalLong.empty()));

        assertEquals(Optional.of(new ChatView(chat, 2, 1, T0)), chats.asMember(member, chat.id()));
    }

    @Test
    void givenAChatWithMembersAndMessages_whenDeletedByItsOwner_thenMembershipsAndMessagesGoWithIt() {
        Chat chat = data.chat(owner, "Short-lived", member);
        Chat other = data.chat(owner, "Stays", member);
        List<Message> posted = data.posts(member, chat.id(), 3, T0);
        Message stays = data.post(member, other.id(), "Still here", T0.plusSeconds(10));

        assertTrue(chats.delete(owner, chat.id(), OptionalLong.empty()));

        assertEquals(Optional.empty(), chats.asMember(owner, chat.id()));
        assertEquals(Optional.empty(), chats.asMember(member, chat.id()));
        assertEquals(0, chats.members(owner, chat.id(), FIRST_PAGE).totalItems());
        assertEquals(List.of(other.id()), chats.list(member, ChatQuery.all(), FIRST_PAGE).items().stream()
                .map(view -> view.chat().id()).toList());
        assertEquals(Optional.empty(), storage.messages().byId(member, posted.get(0).id()));
        assertEquals(List.of(stays), storage.messages().byAuthor(member, null, 10), "the author's messages left");
        assertEquals(Optional.of(new ChatView(other, 2, 1, stays.createdAt())), chats.asMember(owner, other.id()));
        assertFalse(chats.delete(owner, chat.id(), OptionalLong.empty()));
    }

    @Test
    void givenAChatRenamedSinceVersionOne_whenDeletedAtVersionOne_thenItItsMembersAndMessagesStayAndAtItsVersionItGoes() {
        Chat chat = data.chat(owner, "Crew", member);
        Message message = data.post(member, chat.id(), "Aboard", T0);
        Chat renamed = chat.retitle(new ChatTitle("Crew 2"), T0.plusSeconds(2));
        chats.update(renamed);

        assertFalse(chats.delete(owner, chat.id(), OptionalLong.of(1)));
        assertEquals(Optional.of(new ChatView(renamed, 2, 1, T0)), chats.asMember(member, chat.id()));
        assertEquals(List.of(message), data.all(member, chat.id()));

        assertTrue(chats.delete(owner, chat.id(), OptionalLong.of(2)));
        assertEquals(Optional.empty(), chats.asMember(owner, chat.id()));
        assertEquals(List.of(), storage.messages().byAuthor(member, null, 10));
    }

    @Test
    void givenMembersWhoJoinedAtDifferentTimes_whenListed_thenInJoiningOrderWithTheOwnerFirstAmongTheFirst() {
        // the owner's id sorts last: only the rule "owner first" can put it at the top
        UserId founder = data.user(new UUID(-1L, UUID.randomUUID().getLeastSignificantBits()));
        UserId second = data.user();
        UserId third = data.user();
        Chat chat = data.chat(founder, "Ordered", second, third);
        UserId late = data.user();
        UserId later = data.user();
        assertTrue(chats.addMember(chat.id(), later, T0.plus(Duration.ofDays(2))));
        assertTrue(chats.addMember(chat.id(), late, T0.plus(Duration.ofDays(1))));

        Page<User> page = chats.members(second, chat.id(), FIRST_PAGE);

        assertEquals(5, page.totalItems());
        List<UserId> ids = page.items().stream().map(User::id).toList();
        assertEquals(5, ids.size());
        assertEquals(founder, ids.get(0));
        assertEquals(Set.of(second, third), Set.copyOf(ids.subList(1, 3)));
        assertEquals(List.of(late, later), ids.subList(3, 5));
        assertEquals(ids.subList(2, 4), chats.members(founder, chat.id(), new PageRequest(2, 2)).items().stream()
                .map(User::id).toList());
        assertEquals(storage.users().byId(founder).orElseThrow(), page.items().get(0));
    }

    /** The ids differ in their first bit: PostgreSQL orders uuids as unsigned bytes, {@link UUID#compareTo} does not. */
    @Test
    void givenMembersWhoJoinedAtTheSameMoment_whenListed_thenByIdInUuidOrderAfterTheOwner() {
        long random = UUID.randomUUID().getLeastSignificantBits();
        UserId high = data.user(new UUID(0x8000_0000_0000_4000L, random));
        UserId low = data.user(new UUID(0x7FFF_FFFF_FFFF_4FFFL, random));
        Chat chat = data.chat(owner, "Same moment", high, low);

        assertEquals(List.of(owner, low, high), chats.members(owner, chat.id(), FIRST_PAGE).items().stream()
                .map(User::id).toList());
    }

    @Test
    void givenAMember_whenAddedAgain_thenFalseAndStillOneMembership() {
        Chat chat = data.chat(owner, "Joinable");

        assertTrue(chats.addMember(chat.id(), member, T0.plusSeconds(1)));
        assertFalse(chats.addMember(chat.id(), member, T0.plusSeconds(2)));
        assertFalse(chats.addMember(chat.id(), owner, T0.plusSeconds(3)));

        assertEquals(Optional.of(2L), chats.asMember(member, chat.id()).map(ChatView::memberCount));
        assertEquals(List.of(owner, member), chats.members(member, chat.id(), FIRST_PAGE).items().stream()
                .map(User::id).toList());
    }

    @Test
    void givenAMember_whenRemoved_thenItNoLongerSeesTheChatAndRemovingAgainIsFalse() {
        Chat chat = data.chat(owner, "Leavable", member);
        Message bye = data.post(member, chat.id(), "Bye", T0);

        assertTrue(chats.removeMember(chat.id(), member));
        assertFalse(chats.removeMember(chat.id(), member));
        assertFalse(chats.removeMember(chat.id(), outsider));

        assertEquals(Optional.empty(), chats.asMember(member, chat.id()));
        assertEquals(0, chats.list(member, ChatQuery.all(), FIRST_PAGE).totalItems());
        assertEquals(Optional.of(new ChatView(chat, 1, 1, T0)), chats.asMember(owner, chat.id()));
        assertEquals(List.of(bye), data.all(owner, chat.id()), "what it wrote stays");
    }

    @Test
    void givenAChat_whenAnOutsiderReservesAMessage_thenNothing() {
        Chat chat = data.chat(owner, "Members only", member);

        assertEquals(Optional.empty(), storage.transactions().inTransaction(() -> chats.reserveMessage(outsider, chat.id())));
        assertEquals(Optional.empty(), storage.transactions().inTransaction(
                () -> chats.reserveMessage(owner, new ChatId(UUID.randomUUID()))));
    }

    @Test
    void givenPostersSomeOfWhomAreMembers_whenReservedTogether_thenTheMembersAmongThemAreNamedWithTheHighestId() {
        Chat chat = data.chat(owner, "Some of us", member);
        Chat elsewhere = data.chat(outsider, "Another chat", owner);
        Message newest = data.post(member, chat.id(), "hi", T0);

        assertEquals(Optional.of(new Slots(newest.id(), Set.of(owner, member))), storage.transactions()
                .inTransaction(() -> chats.reserveMessages(chat.id(), Set.of(owner, member, outsider))));
        assertEquals(Optional.empty(), storage.transactions().inTransaction(
                () -> chats.reserveMessages(chat.id(), Set.of(outsider))), "a member of another chat only");
        assertEquals(Optional.empty(), storage.transactions().inTransaction(
                () -> chats.reserveMessages(elsewhere.id(), Set.of(member))));
        assertEquals(Optional.empty(), storage.transactions().inTransaction(
                () -> chats.reserveMessages(new ChatId(UUID.randomUUID()), Set.of(owner))));
    }

    @Test
    void givenAChatThatNeverHadAMessage_whenAMemberReserves_thenThereIsNoHighestId() {
        Chat chat = data.chat(owner, "Empty", member);

        assertEquals(Optional.of(new Slot(null)), storage.transactions().inTransaction(() -> chats.reserveMessage(member, chat.id())));
    }

    @Test
    void givenMessagesTheNewestOfWhichWasDeleted_whenReserved_thenTheHighestIdEverGivenIsReturned() {
        Chat chat = data.chat(owner, "Busy", member);
        List<Message> posted = data.posts(member, chat.id(), 3, T0);
        Message newest = posted.get(2);

        assertEquals(Optional.of(new Slot(newest.id())), storage.transactions().inTransaction(() -> chats.reserveMessage(owner, chat.id())));

        assertTrue(storage.messages().delete(chat.id(), newest.id(), OptionalLong.empty()));
        assertEquals(Optional.of(new Slot(newest.id())), storage.transactions().inTransaction(() -> chats.reserveMessage(member, chat.id())));
    }

    @Test
    void givenAUserWhoOwnsAChatAndIsAMemberOfAnother_whenTheAccountIsDeleted_thenItsChatGoesAndItLeavesTheOther() {
        Chat owned = data.chat(member, "Member's own", owner);
        Chat joined = data.chat(owner, "Joined", T0.plusSeconds(1), member, outsider);
        data.post(owner, owned.id(), "In the doomed chat", T0.plusSeconds(2));

        assertTrue(storage.users().delete(member, OptionalLong.empty()));

        assertEquals(Optional.empty(), chats.asMember(owner, owned.id()));
        assertEquals(List.of(joined.id()), chats.list(owner, ChatQuery.all(), FIRST_PAGE).items().stream()
                .map(view -> view.chat().id()).toList());
        assertEquals(Optional.of(new ChatView(joined, 2, 0, null)), chats.asMember(outsider, joined.id()));
        assertEquals(List.of(owner, outsider), chats.members(owner, joined.id(), FIRST_PAGE).items().stream()
                .map(User::id).toList());
        assertEquals(List.of(), storage.messages().byAuthor(owner, null, 10), "the messages of the chat it owned");
    }

    private static ChatQuery search(String text) {
        return new ChatQuery(Optional.of(text), false);
    }

    private List<String> titles(UserId caller, ChatQuery query) {
        return chats.list(caller, query, new PageRequest(1, 100)).items().stream()
                .map(view -> view.chat().title().value()).toList();
    }
}
