package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.ChatFixture.T0;

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
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.application.port.out.chat.Chats.Slots;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Chats on PostgreSQL: every read is made as a member and sees nothing of other chats; the list's order, search
 * and paging; optimistic renames; owner-only deletion that takes memberships and messages with it; membership.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiChatsTest {
    private static final PageRequest FIRST_PAGE = PageRequest.first();

    private ChatFixture data;
    private UserId owner;
    private UserId member;
    private UserId outsider;

    @BeforeAll
    void migrate() {
        data = ChatFixture.onFreshSchema();
    }

    @BeforeEach
    void threeNewUsers() {
        owner = data.user();
        member = data.user();
        outsider = data.user();
    }

    @Test
    void givenAChatWithMembers_whenReadByAMember_thenItIsSeenWithItsMemberCountAndNoMessages() {
        UserId another = data.user();
        Chat chat = data.chat(owner, "Lucid dreamers", member, another);

        Optional<ChatView> seenByMember = data.chats.asMember(member, chat.id());
        assertThat(seenByMember).contains(new ChatView(chat, 3, 0, null));
        assertThat(data.chats.asMember(owner, chat.id())).contains(new ChatView(chat, 3, 0, null));
        assertThat(data.count("SELECT count(*) FROM chat_members WHERE chat_id = ?", chat.id().value())).isEqualTo(3);
    }

    @Test
    void givenAChatWithoutOtherMembers_whenRead_thenTheOwnerIsItsOnlyMember() {
        Chat chat = data.chat(owner, "Notes to self");

        assertThat(data.chats.asMember(owner, chat.id())).map(ChatView::memberCount).contains(1L);
    }

    @Test
    void givenAChat_whenReadByAnOutsider_thenNothingIsSeen() {
        Chat chat = data.chat(owner, "Private", member);

        assertThat(data.chats.asMember(outsider, chat.id())).isEmpty();
    }

    @Test
    void givenAChatWithMessages_whenItsOverviewIsRead_thenTheChatAsSeenAloneWithItsLatestMessagesNewestFirst() {
        Chat chat = data.chat(owner, "Busy", member);
        Chat other = data.chat(owner, "Other", member);
        List<Message> posted = data.posts(member, chat.id(), 5, T0.plusSeconds(1));
        data.posts(owner, other.id(), 2, T0.plusSeconds(10));

        Optional<ChatOverview> overview = data.chats.overview(member, chat.id(), 3);

        assertThat(overview).map(ChatOverview::chat).isEqualTo(data.chats.asMember(member, chat.id()));
        assertThat(overview).map(ChatOverview::latest).contains(List.of(posted.get(4), posted.get(3), posted.get(2)));
        assertThat(data.chats.overview(owner, chat.id(), 100)).map(ChatOverview::latest)
                .contains(List.of(posted.get(4), posted.get(3), posted.get(2), posted.get(1), posted.get(0)));
    }

    @Test
    void givenAChatWithoutMessages_whenItsOverviewIsRead_thenTheChatWithNoMessages() {
        Chat chat = data.chat(owner, "Quiet", member);

        assertThat(data.chats.overview(member, chat.id(), 20))
                .contains(new ChatOverview(new ChatView(chat, 2, 0, null), List.of()));
    }

    @Test
    void givenAChatWithMessages_whenItsOverviewIsReadByAnOutsiderOrForNoChat_thenNothingIsSeen() {
        Chat chat = data.chat(owner, "Private", member);
        data.posts(member, chat.id(), 2, T0);

        assertThat(data.chats.overview(outsider, chat.id(), 20)).isEmpty();
        assertThat(data.chats.overview(owner, new ChatId(UUID.randomUUID()), 20)).isEmpty();
    }

    @Test
    void givenChatsOfSeveralUsers_whenListed_thenOnlyTheCallersChatsAreListedWhoeverOwnsThem() {
        Chat own = data.chat(member, "Own");
        Chat joined = data.chat(owner, "Joined", member);
        data.chat(owner, "Not joined", outsider);
        data.chat(outsider, "Someone else's");

        Page<ChatView> page = data.chats.list(member, ChatQuery.all(), FIRST_PAGE);

        assertThat(page.items()).extracting(view -> view.chat().id()).containsExactlyInAnyOrder(own.id(), joined.id());
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void givenChatsWithAndWithoutMessages_whenListed_thenTheMostRecentActivityComesFirst() {
        Chat oldest = data.chat(owner, "Created first", T0);
        Chat middle = data.chat(owner, "Created second", T0.plus(Duration.ofHours(1)));
        Chat newest = data.chat(owner, "Created third", T0.plus(Duration.ofHours(2)));

        assertThat(titles(owner, ChatQuery.all())).containsExactly("Created third", "Created second", "Created first");

        // a message makes the oldest chat the most recently active
        Message latest = data.post(owner, oldest.id(), "Anyone awake?", T0.plus(Duration.ofHours(3)));
        assertThat(titles(owner, ChatQuery.all())).containsExactly("Created first", "Created third", "Created second");
        assertThat(data.chats.list(owner, ChatQuery.all(), FIRST_PAGE).items().get(0))
                .isEqualTo(new ChatView(oldest, 1, 1, latest.createdAt()));

        // an older message in the middle chat: it now counts from then, still after the newest chat's creation
        data.post(owner, middle.id(), "Earlier", T0.plus(Duration.ofMinutes(150)));
        assertThat(titles(owner, ChatQuery.all())).containsExactly("Created first", "Created second", "Created third");

        // with its only message gone, the oldest chat falls back to its creation time
        assertThat(data.messages.delete(oldest.id(), latest.id(), OptionalLong.empty())).isTrue();
        assertThat(titles(owner, ChatQuery.all())).containsExactly("Created second", "Created third", "Created first");
        assertThat(data.chats.asMember(owner, oldest.id())).contains(new ChatView(oldest, 1, 0, null));
    }

    @Test
    void givenTitlesInMixedCase_whenSearched_thenTheSearchIgnoresCase() {
        data.chat(owner, "Lucid DREAMS club");
        data.chat(owner, "Сонный Кружок");
        data.chat(owner, "Nightmares");

        assertThat(titles(owner, search("dreams"))).containsExactly("Lucid DREAMS club");
        assertThat(titles(owner, search("LUCID d"))).containsExactly("Lucid DREAMS club");
        assertThat(titles(owner, search("сонный"))).containsExactly("Сонный Кружок");
        assertThat(titles(owner, search("КРУЖОК"))).containsExactly("Сонный Кружок");
        assertThat(titles(owner, search("nothing like it"))).isEmpty();
    }

    @Test
    void givenTitlesWithWildcardCharacters_whenSearchedForThem_thenTheyAreTakenLiterally() {
        data.chat(owner, "100% awake");
        data.chat(owner, "100 awake");
        data.chat(owner, "snake_case");
        data.chat(owner, "snakeXcase");
        data.chat(owner, "back\\slash");
        data.chat(owner, "backslash");

        assertThat(titles(owner, search("%"))).containsExactly("100% awake");
        assertThat(titles(owner, search("0% a"))).containsExactly("100% awake");
        assertThat(titles(owner, search("_"))).containsExactly("snake_case");
        assertThat(titles(owner, search("e_c"))).containsExactly("snake_case");
        assertThat(titles(owner, search("\\"))).containsExactly("back\\slash");
        assertThat(data.chats.list(owner, search("%"), FIRST_PAGE).totalItems()).isEqualTo(1);
    }

    @Test
    void givenOwnedAndJoinedChats_whenOnlyOwnedAreAsked_thenJoinedOnesAreLeftOut() {
        data.chat(member, "Mine, Dreams");
        data.chat(member, "Mine, too");
        data.chat(owner, "Theirs, Dreams", member);

        assertThat(titles(member, new ChatQuery(Optional.empty(), true))).containsExactlyInAnyOrder("Mine, Dreams", "Mine, too");
        assertThat(titles(member, new ChatQuery(Optional.of("dreams"), true))).containsExactly("Mine, Dreams");
        assertThat(titles(member, new ChatQuery(Optional.of("dreams"), false)))
                .containsExactlyInAnyOrder("Mine, Dreams", "Theirs, Dreams");
        assertThat(data.chats.list(member, new ChatQuery(Optional.empty(), true), FIRST_PAGE).totalItems()).isEqualTo(2);
    }

    @Test
    void givenFiveChats_whenPaged_thenEachPageHoldsItsShareAndTheTotalIsOfAll() {
        for (int i = 1; i <= 5; i++) {
            data.chat(owner, "Chat " + i, T0.plus(Duration.ofMinutes(i)));
        }

        Page<ChatView> first = data.chats.list(owner, ChatQuery.all(), new PageRequest(1, 2));
        Page<ChatView> last = data.chats.list(owner, ChatQuery.all(), new PageRequest(3, 2));
        Page<ChatView> beyond = data.chats.list(owner, ChatQuery.all(), new PageRequest(4, 2));

        assertThat(first.items()).extracting(view -> view.chat().title().value()).containsExactly("Chat 5", "Chat 4");
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).extracting(view -> view.chat().title().value()).containsExactly("Chat 1");
        assertThat(last.totalItems()).isEqualTo(5);
        assertThat(last.hasNext()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(5);
    }

    @Test
    void givenAChat_whenRenamedFromItsCurrentVersion_thenTheNewTitleAndVersionAreStored() {
        Chat chat = data.chat(owner, "Old title", member);
        Chat renamed = chat.retitle(new ChatTitle("New title"), T0.plusSeconds(60));

        data.chats.update(renamed);

        assertThat(data.chats.asMember(member, chat.id())).map(ChatView::chat).contains(renamed);
    }

    @Test
    void givenAChatRenamedMeanwhile_whenRenamedFromTheOldVersion_thenStaleAndTheFirstRenameStays() {
        Chat chat = data.chat(owner, "Original");
        Chat first = chat.retitle(new ChatTitle("First rename"), T0.plusSeconds(1));
        Chat second = chat.retitle(new ChatTitle("Second rename"), T0.plusSeconds(2));
        data.chats.update(first);

        assertThatThrownBy(() -> data.chats.update(second)).isInstanceOf(StaleVersionException.class);
        assertThat(data.chats.asMember(owner, chat.id())).map(ChatView::chat).contains(first);
    }

    @Test
    void givenAChatWithMessages_whenDeletedByAMemberWhoIsNotItsOwner_thenNothingIsDeleted() {
        Chat chat = data.chat(owner, "Keep me", member);
        data.post(member, chat.id(), "Hello", T0);

        assertThat(data.chats.delete(member, chat.id(), OptionalLong.empty())).isFalse();
        assertThat(data.chats.delete(outsider, chat.id(), OptionalLong.empty())).isFalse();

        assertThat(data.chats.asMember(member, chat.id())).map(ChatView::messageCount).contains(1L);
        assertThat(data.count("SELECT count(*) FROM chat_members WHERE chat_id = ?", chat.id().value())).isEqualTo(2);
    }

    @Test
    void givenAChatWithMembersAndMessages_whenDeletedByItsOwnerInOneStatement_thenMembershipsAndMessagesGoWithIt() {
        Chat chat = data.chat(owner, "Short-lived", member);
        Chat other = data.chat(owner, "Stays", member);
        data.posts(member, chat.id(), 3, T0);
        data.post(member, other.id(), "Still here", T0);
        StatementCounter sent = new StatementCounter();
        JdbiChats chats = new JdbiChats(data.watchedBy(sent));

        assertThat(chats.delete(owner, chat.id(), OptionalLong.empty())).isTrue();

        assertThat(sent.statements()).hasSize(1);
        assertThat(data.chats.asMember(owner, chat.id())).isEmpty();
        assertThat(data.chats.asMember(member, chat.id())).isEmpty();
        assertThat(data.count("SELECT count(*) FROM chat_members WHERE chat_id = ?", chat.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM messages WHERE chat_id = ?", chat.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM messages WHERE chat_id = ?", other.id().value())).isEqualTo(1);
        assertThat(data.chats.delete(owner, chat.id(), OptionalLong.empty())).isFalse();
    }

    @Test
    void givenMembersWhoJoinedAtDifferentTimes_whenListed_thenInJoiningOrderWithTheOwnerFirstAmongTheFirst() {
        // the owner's id sorts last: only the rule "owner first" can put it at the top
        UserId founder = data.userWithHighestId();
        UserId second = data.user();
        UserId third = data.user();
        Chat chat = data.chat(founder, "Ordered", second, third);
        UserId late = data.user();
        UserId later = data.user();
        assertThat(data.chats.addMember(chat.id(), later, T0.plus(Duration.ofDays(2)))).isTrue();
        assertThat(data.chats.addMember(chat.id(), late, T0.plus(Duration.ofDays(1)))).isTrue();

        Page<User> page = data.chats.members(second, chat.id(), FIRST_PAGE);

        assertThat(page.totalItems()).isEqualTo(5);
        List<UserId> ids = page.items().stream().map(User::id).toList();
        assertThat(ids).hasSize(5);
        assertThat(ids.get(0)).isEqualTo(founder);
        assertThat(ids.subList(1, 3)).containsExactlyInAnyOrder(second, third);
        assertThat(ids.subList(3, 5)).containsExactly(late, later);
        assertThat(data.chats.members(founder, chat.id(), new PageRequest(2, 2)).items()).extracting(User::id)
                .containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(page.items().get(0)).isEqualTo(data.users.byId(founder).orElseThrow());
    }

    @Test
    void givenAChat_whenItsMembersAreAskedByAnOutsider_thenAnEmptyPageWithATotalOfZero() {
        Chat chat = data.chat(owner, "Closed circle", member);

        Page<User> page = data.chats.members(outsider, chat.id(), FIRST_PAGE);

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
    }

    @Test
    void givenAMember_whenAddedAgain_thenFalseAndStillOneMembership() {
        Chat chat = data.chat(owner, "Joinable");

        assertThat(data.chats.addMember(chat.id(), member, T0.plusSeconds(1))).isTrue();
        assertThat(data.chats.addMember(chat.id(), member, T0.plusSeconds(2))).isFalse();
        assertThat(data.chats.addMember(chat.id(), owner, T0.plusSeconds(3))).isFalse();

        assertThat(data.chats.asMember(member, chat.id())).map(ChatView::memberCount).contains(2L);
        assertThat(data.count("SELECT count(*) FROM chat_members WHERE chat_id = ? AND user_id = ?", chat.id().value(),
                member.value())).isEqualTo(1);
    }

    @Test
    void givenAMember_whenRemoved_thenItNoLongerSeesTheChatAndRemovingAgainIsFalse() {
        Chat chat = data.chat(owner, "Leavable", member);
        data.post(member, chat.id(), "Bye", T0);

        assertThat(data.chats.removeMember(chat.id(), member)).isTrue();
        assertThat(data.chats.removeMember(chat.id(), member)).isFalse();
        assertThat(data.chats.removeMember(chat.id(), outsider)).isFalse();

        assertThat(data.chats.asMember(member, chat.id())).isEmpty();
        assertThat(data.chats.list(member, ChatQuery.all(), FIRST_PAGE).totalItems()).isZero();
        assertThat(data.chats.asMember(owner, chat.id())).map(view -> List.of(view.memberCount(), view.messageCount()))
                .contains(List.of(1L, 1L));
    }

    @Test
    void givenAChat_whenAnOutsiderReservesAMessage_thenNothing() {
        Chat chat = data.chat(owner, "Members only", member);

        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessage(outsider, chat.id()))).isEmpty();
    }

    @Test
    void givenPostersSomeOfWhomAreMembers_whenReservedTogether_thenTheMembersAmongThemAreNamedWithTheHighestId() {
        Chat chat = data.chat(owner, "Some of us", member);
        Chat elsewhere = data.chat(outsider, "Another chat", owner);
        Message newest = data.post(member, chat.id(), "hi", T0);

        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessages(chat.id(),
                Set.of(owner, member, outsider)))).contains(new Slots(newest.id(), Set.of(owner, member)));
        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessages(chat.id(), Set.of(outsider))))
                .as("a member of another chat only").isEmpty();
        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessages(elsewhere.id(), Set.of(member))))
                .isEmpty();
        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessages(new ChatId(UUID.randomUUID()),
                Set.of(owner)))).isEmpty();
    }

    @Test
    void givenPostersReservedTogether_whenAnotherTransactionTriesToLockTheChat_thenItWaitsForTheCommit() {
        Chat chat = data.chat(owner, "Locked", member);

        data.transactions.inTransaction(() -> {
            assertThat(data.chats.reserveMessages(chat.id(), Set.of(member, outsider))).isPresent();
            // another connection, not waiting: the lock is held until this transaction ends
            assertThatThrownBy(() -> data.watchedBy(new StatementCounter()).useHandle(other -> other
                    .createQuery("SELECT id FROM chats WHERE id = :chat FOR UPDATE NOWAIT")
                    .bind("chat", chat.id().value()).mapTo(UUID.class).list()))
                    .hasMessageContaining("could not obtain lock");
            return null;
        });
    }

    @Test
    void givenAChatThatNeverHadAMessage_whenAMemberReserves_thenThereIsNoHighestId() {
        Chat chat = data.chat(owner, "Empty", member);

        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessage(member, chat.id())))
                .contains(new Slot(null));
    }

    @Test
    void givenMessagesTheNewestOfWhichWasDeleted_whenReserved_thenTheHighestIdEverGivenIsReturned() {
        Chat chat = data.chat(owner, "Busy", member);
        List<Message> posted = data.posts(member, chat.id(), 3, T0);
        Message newest = posted.get(2);

        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessage(owner, chat.id())))
                .contains(new Slot(newest.id()));

        assertThat(data.messages.delete(chat.id(), newest.id(), OptionalLong.empty())).isTrue();
        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessage(member, chat.id())))
                .contains(new Slot(newest.id()));
    }

    private static ChatQuery search(String text) {
        return new ChatQuery(Optional.of(text), false);
    }

    private List<String> titles(UserId caller, ChatQuery query) {
        return data.chats.list(caller, query, new PageRequest(1, 100)).items().stream()
                .map(view -> view.chat().title().value()).toList();
    }
}
