package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.error.ConflictException;
import org.dreamdiary.client.error.ForbiddenException;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.PreconditionFailedException;
import org.dreamdiary.client.error.ValidationException;
import org.dreamdiary.client.model.Chat;
import org.dreamdiary.client.model.ChatChanges;
import org.dreamdiary.client.model.ChatQuery;
import org.dreamdiary.client.model.ChatStats;
import org.dreamdiary.client.model.ChatWithMessages;
import org.dreamdiary.client.model.Message;
import org.dreamdiary.client.model.MessageCursor;
import org.dreamdiary.client.model.MessagePage;
import org.dreamdiary.client.model.NewChat;
import org.dreamdiary.client.model.NewUser;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.PageRequest;
import org.dreamdiary.client.model.User;
import org.junit.jupiter.api.Test;

/** The Java client's chats, members and messages groups against the running service on PostgreSQL. */
class ClientChatsE2ETest extends ClientTest {
    /** A signed-in client and the user it is signed in as. */
    private record Person(DreamDiaryClient client, User user) {
        UUID id() {
            return user.id();
        }
    }

    private Person person() {
        DreamDiaryClient client = newClient();
        User user = client.users().register(NewUser.of(Accounts.uniqueName("chatter"), Accounts.PASSWORD)).execute()
                .user();
        return new Person(client, user);
    }

    private static Chat chat(Person owner, String title, Person... members) {
        return owner.client().chats().create(NewChat.titled(title)
                .withMembers(Stream.of(members).map(Person::id).toList())).execute();
    }

    private static List<Message> post(Person author, Chat chat, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> author.client().messages().post(chat.id(), "message " + n).execute()).toList();
    }

    private static List<UUID> ids(Stream<Message> messages) {
        return messages.map(Message::id).toList();
    }

    private static List<UUID> ids(List<Message> messages) {
        return ids(messages.stream());
    }

    private static void forbidden(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ForbiddenException.class,
                refused -> assertThat(refused.status()).isEqualTo(403));
    }

    private static void notFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
    }

    private static void conflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
                refused -> assertThat(refused.status()).isEqualTo(409));
    }

    private static void invalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                refused -> assertThat(refused.errors()).extracting(error -> error.field()).containsExactly(field));
    }

    @Test
    void aChatIsCreatedReadWithItsLatestMessagesRenamedAndDeletedByItsOwner() {
        Person owner = person();
        Person member = person();

        Chat created = chat(owner, "  Summit plans ", member);
        assertThat(created.title()).isEqualTo("Summit plans");
        assertThat(created.ownerId()).isEqualTo(owner.id());
        assertThat(created.memberCount()).isEqualTo(2);
        assertThat(created.messageCount()).isZero();
        assertThat(created.lastMessageAt()).isNull();
        assertThat(created.links()).containsEntry("self", "/api/v1/chats/" + created.id())
                .containsEntry("messages", "/api/v1/chats/" + created.id() + "/messages")
                .containsEntry("members", "/api/v1/chats/" + created.id() + "/members");
        ChatWithMessages empty = member.client().chats().get(created.id()).execute();
        assertThat(empty.chat()).isEqualTo(created);
        assertThat(empty.messages()).isEmpty();

        List<Message> posted = post(member, created, 3);
        ChatWithMessages latestTwo = owner.client().chats().get(created.id(), 2).execute();
        assertThat(ids(latestTwo.messages())).as("newest first")
                .containsExactly(posted.get(2).id(), posted.get(1).id());
        assertThat(latestTwo.chat().messageCount()).isEqualTo(3);
        assertThat(latestTwo.chat().lastMessageAt()).isEqualTo(posted.get(2).createdAt());
        assertThat(owner.client().chats().get(created.id()).execute().messages()).hasSize(3);

        Chat renamed = owner.client().chats().update(created.id(), ChatChanges.none().title("Summit, day one"))
                .execute();
        assertThat(renamed.title()).isEqualTo("Summit, day one");
        assertThat(owner.client().chats().update(created.id(), ChatChanges.none()).execute().title())
                .as("nothing to change").isEqualTo("Summit, day one");

        owner.client().chats().delete(created.id()).execute();
        notFound(() -> owner.client().chats().get(created.id()).execute());
        notFound(() -> member.client().messages().get(posted.get(0).id()).execute());
    }

    @Test
    void ownerOnlyChangesAreForbiddenToMembersAndAChatIsNotFoundForAnOutsider() {
        Person owner = person();
        Person member = person();
        Person outsider = person();
        Chat chat = chat(owner, "Private", member);
        Message message = owner.client().messages().post(chat.id(), "hello").execute();

        forbidden(() -> member.client().chats().update(chat.id(), ChatChanges.none().title("Mine now")).execute());
        forbidden(() -> member.client().chats().delete(chat.id()).execute());
        forbidden(() -> member.client().members().add(chat.id(), outsider.id()).execute());
        forbidden(() -> member.client().members().remove(chat.id(), owner.id()).execute());
        forbidden(() -> member.client().messages().update(message.id(), "not my words").execute());
        forbidden(() -> member.client().messages().delete(message.id()).execute());

        DreamDiaryClient stranger = outsider.client();
        notFound(() -> stranger.chats().get(chat.id()).execute());
        notFound(() -> stranger.chats().update(chat.id(), ChatChanges.none().title("Hijacked")).execute());
        notFound(() -> stranger.chats().delete(chat.id()).execute());
        notFound(() -> stranger.chats().stats(chat.id(), null, null).execute());
        notFound(() -> stranger.members().list(chat.id(), PageRequest.first()).execute());
        notFound(() -> stranger.members().add(chat.id(), outsider.id()).execute());
        notFound(() -> stranger.members().remove(chat.id(), member.id()).execute());
        notFound(() -> stranger.messages().post(chat.id(), "let me in").execute());
        notFound(() -> stranger.messages().list(chat.id(), MessageCursor.latest()).execute());
        notFound(() -> stranger.messages().get(message.id()).execute());
        notFound(() -> stranger.messages().update(message.id(), "edited").execute());
        notFound(() -> stranger.messages().delete(message.id()).execute());
        assertThat(stranger.chats().all(ChatQuery.all())).isEmpty();

        assertThat(owner.client().chats().get(chat.id()).execute().chat().title()).as("unchanged").isEqualTo("Private");
    }

    @Test
    void invalidInputIsAValidationExceptionNamingTheField() {
        Person owner = person();
        Chat chat = chat(owner, "Valid");

        invalid(() -> owner.client().chats().create(NewChat.titled(" ")).execute(), "title");
        invalid(() -> owner.client().chats().create(NewChat.titled("Ghosts").withMembers(List.of(UUID.randomUUID())))
                .execute(), "member_ids");
        invalid(() -> owner.client().chats().update(chat.id(), ChatChanges.none().title("x".repeat(201))).execute(),
                "title");
        invalid(() -> owner.client().members().add(chat.id(), UUID.randomUUID()).execute(), "user_id");
        invalid(() -> owner.client().messages().post(chat.id(), "").execute(), "text");
        invalid(() -> owner.client().messages().list(chat.id(), MessageCursor.latest().limit(101)).execute(), "limit");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        invalid(() -> owner.client().chats().stats(chat.id(), today.plusDays(1), today).execute(), "from");
    }

    @Test
    void chatsAreListedMostRecentActivityFirstAndStreamedAcrossPages() {
        Person owner = person();
        List<Chat> chats = IntStream.rangeClosed(1, 5).mapToObj(n -> chat(owner, "Trip " + n)).toList();
        Chat other = chat(owner, "Groceries");
        owner.client().messages().post(chats.get(0).id(), "the first trip is active again").execute();

        Page<Chat> first = owner.client().chats().list(ChatQuery.all().page(1, 2)).execute();
        assertThat(first.items()).extracting(Chat::id).startsWith(chats.get(0).id());
        assertThat(first.meta().totalItems()).isEqualTo(6);
        assertThat(first.meta().totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();

        List<Chat> all = owner.client().chats().all(ChatQuery.all().page(1, 2)).toList();
        List<Chat> paged = IntStream.rangeClosed(1, 3).boxed()
                .flatMap(page -> owner.client().chats().list(ChatQuery.all().page(page, 2)).execute().items().stream())
                .toList();
        assertThat(all).extracting(Chat::id).containsExactlyElementsOf(paged.stream().map(Chat::id).toList());
        assertThat(all).extracting(Chat::id).containsExactlyInAnyOrderElementsOf(
                Stream.concat(chats.stream(), Stream.of(other)).map(Chat::id).toList());
        assertThat(all.get(0).messageCount()).isEqualTo(1);

        assertThat(owner.client().chats().all(ChatQuery.all().search("trip").page(1, 2)))
                .extracting(Chat::title).hasSize(5).doesNotContain("Groceries");
    }

    @Test
    void membersAreAddedListedAcrossPagesRemovedAndLeave() {
        Person owner = person();
        List<Person> others = IntStream.range(0, 4).mapToObj(n -> person()).toList();
        Chat chat = chat(owner, "Crew");

        List<User> added = others.stream()
                .map(other -> owner.client().members().add(chat.id(), other.id()).execute()).toList();
        assertThat(added).extracting(User::id).containsExactlyElementsOf(others.stream().map(Person::id).toList());
        assertThat(added.get(0).username()).isEqualTo(others.get(0).user().username());
        conflict(() -> owner.client().members().add(chat.id(), others.get(0).id()).execute());

        Person member = others.get(0);
        Page<User> first = member.client().members().list(chat.id(), PageRequest.of(1, 2)).execute();
        assertThat(first.items()).extracting(User::id).containsExactly(owner.id(), others.get(0).id());
        assertThat(first.meta().totalPages()).isEqualTo(3);
        List<User> all = member.client().members().all(chat.id(), PageRequest.of(1, 2)).toList();
        assertThat(all).extracting(User::id).containsExactly(owner.id(), others.get(0).id(), others.get(1).id(),
                others.get(2).id(), others.get(3).id());
        assertThat(all).as("public profiles").allSatisfy(user -> {
            assertThat(user.email()).isNull();
            assertThat(user.phoneNumber()).isNull();
        });

        conflict(() -> owner.client().members().remove(chat.id(), owner.id()).execute());
        forbidden(() -> member.client().members().remove(chat.id(), others.get(1).id()).execute());
        member.client().members().remove(chat.id(), member.id()).execute();
        notFound(() -> member.client().chats().get(chat.id()).execute());
        owner.client().members().remove(chat.id(), others.get(1).id()).execute();
        notFound(() -> owner.client().members().remove(chat.id(), others.get(1).id()).execute());

        assertThat(owner.client().members().all(chat.id(), PageRequest.first())).extracting(User::id)
                .containsExactly(owner.id(), others.get(2).id(), others.get(3).id());
        assertThat(owner.client().chats().get(chat.id()).execute().chat().memberCount()).isEqualTo(3);
    }

    @Test
    void messagesStreamBackwardsAndForwardsAcrossCursorPagesInOrder() {
        Person owner = person();
        Person member = person();
        Chat chat = chat(owner, "Log", member);
        List<UUID> posted = ids(post(owner, chat, 7));
        List<UUID> newestFirst = IntStream.iterate(6, n -> n >= 0, n -> n - 1).mapToObj(posted::get).toList();

        MessagePage latest = member.client().messages().list(chat.id(), MessageCursor.latest().limit(3)).execute();
        assertThat(ids(latest.items())).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(latest.hasNext()).isTrue();
        MessagePage oldest = member.client().messages()
                .list(chat.id(), MessageCursor.olderThan(posted.get(2)).limit(3)).execute();
        assertThat(ids(oldest.items())).containsExactly(posted.get(1), posted.get(0));
        assertThat(oldest.hasNext()).isFalse();

        assertThat(ids(member.client().messages().all(chat.id(), MessageCursor.latest().limit(3))))
                .containsExactlyElementsOf(newestFirst);
        assertThat(ids(member.client().messages().all(chat.id(), MessageCursor.olderThan(posted.get(6)).limit(3))))
                .containsExactlyElementsOf(newestFirst.subList(1, 7));
        assertThat(ids(member.client().messages().all(chat.id(), MessageCursor.newerThan(posted.get(0)).limit(3))))
                .containsExactlyElementsOf(posted.subList(1, 7));

        assertThat(ids(member.client().messages().older(chat.id(), null))).containsExactlyElementsOf(newestFirst);
        assertThat(ids(member.client().messages().older(chat.id(), posted.get(3))))
                .containsExactly(posted.get(2), posted.get(1), posted.get(0));
        assertThat(ids(member.client().messages().newer(chat.id(), posted.get(3))))
                .containsExactly(posted.get(4), posted.get(5), posted.get(6));
        assertThat(member.client().messages().newer(chat.id(), posted.get(6))).as("caught up").isEmpty();
        assertThat(ids(member.client().messages().all(chat.id(), MessageCursor.newerThan(posted.get(0)).limit(3))
                .limit(2))).as("lazy: only what is read").containsExactly(posted.get(1), posted.get(2));
    }

    @Test
    void aMessageIsReadEditedByItsAuthorAndDeletedByItsAuthorOrTheOwner() {
        Person owner = person();
        Person member = person();
        Chat chat = chat(owner, "Edits", member);

        Message posted = member.client().messages().post(chat.id(), " first draft ").execute();
        assertThat(posted.text()).isEqualTo("first draft");
        assertThat(posted.chatId()).isEqualTo(chat.id());
        assertThat(posted.authorId()).isEqualTo(member.id());
        assertThat(posted.editedAt()).isNull();
        assertThat(posted.links()).containsEntry("self", "/api/v1/messages/" + posted.id())
                .containsEntry("chat", "/api/v1/chats/" + chat.id());
        assertThat(owner.client().messages().get(posted.id()).execute()).isEqualTo(posted);

        Message edited = member.client().messages().update(posted.id(), "final words").execute();
        assertThat(edited.text()).isEqualTo("final words");
        assertThat(edited.editedAt()).isNotNull();
        assertThat(edited.createdAt()).isEqualTo(posted.createdAt());

        member.client().messages().delete(posted.id()).execute();
        notFound(() -> owner.client().messages().get(posted.id()).execute());
        Message byMember = member.client().messages().post(chat.id(), "to be moderated").execute();
        owner.client().messages().delete(byMember.id()).execute();
        assertThat(owner.client().messages().older(chat.id(), null)).isEmpty();
    }

    @Test
    void statsCountMessagesPerDayAndPerAuthorWithinTheDaysAsked() {
        Person owner = person();
        Person member = person();
        Chat chat = chat(owner, "Counted", member);
        List<Message> posted = new ArrayList<>();
        for (Person author : List.of(member, owner, member, member)) {
            posted.addAll(post(author, chat, 1));
        }
        Map<LocalDate, Long> perDay = new TreeMap<>();
        posted.forEach(message -> perDay.merge(message.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), 1L,
                Long::sum));

        ChatStats all = owner.client().chats().stats(chat.id(), null, null).execute();
        assertThat(all.messageCount()).isEqualTo(4);
        assertThat(all.firstMessageAt()).isEqualTo(posted.get(0).createdAt());
        assertThat(all.lastMessageAt()).isEqualTo(posted.get(3).createdAt());
        assertThat(all.perDay()).containsExactlyElementsOf(perDay.entrySet().stream()
                .map(day -> new ChatStats.DayCount(day.getKey(), day.getValue())).toList());
        assertThat(all.perAuthor()).containsExactly(new ChatStats.AuthorCount(member.id(), 3),
                new ChatStats.AuthorCount(owner.id(), 1));

        LocalDate lastDay = posted.get(3).createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(member.client().chats().stats(chat.id(), lastDay, lastDay).execute().messageCount())
                .isEqualTo(perDay.get(lastDay));
        assertThat(member.client().chats().stats(chat.id(), lastDay.plusDays(1), null).execute())
                .isEqualTo(new ChatStats(0, null, null, List.of(), List.of()));
    }

    @Test
    void aRenameOfAStaleChatIsPreconditionFailedWithTheCurrentChatAndItsMessages() {
        Person owner = person();
        Person member = person();
        Chat chat = chat(owner, "Before", member);
        DreamDiaryClient mine = owner.client();
        mine.chats().get(chat.id()).execute();
        member.client().messages().post(chat.id(), "messages do not make the chat stale").execute();
        assertThat(mine.chats().update(chat.id(), ChatChanges.none().title("During")).execute().title())
                .isEqualTo("During");

        DreamDiaryClient sameOwnerElsewhere = track(DreamDiaryClient.builder(service.baseUri())
                .tokens(mine.currentTokens().orElseThrow()).build());
        sameOwnerElsewhere.chats().get(chat.id()).execute();
        sameOwnerElsewhere.chats().update(chat.id(), ChatChanges.none().title("Theirs")).execute();

        assertThatThrownBy(() -> mine.chats().update(chat.id(), ChatChanges.none().title("Mine")).execute())
                .isInstanceOfSatisfying(PreconditionFailedException.class, stale -> {
                    ChatWithMessages current = stale.current(ChatWithMessages.class).orElseThrow();
                    assertThat(current.chat().title()).isEqualTo("Theirs");
                    assertThat(current.messages()).extracting(Message::text)
                            .containsExactly("messages do not make the chat stale");
                });
        assertThat(mine.chats().update(chat.id(), ChatChanges.none().title("Mine")).execute().title())
                .as("made against the version fetched with the 412").isEqualTo("Mine");

        sameOwnerElsewhere.chats().get(chat.id()).execute();
        sameOwnerElsewhere.chats().update(chat.id(), ChatChanges.none().title("Theirs again")).execute();
        assertThatThrownBy(() -> mine.chats().delete(chat.id()).execute())
                .isInstanceOf(PreconditionFailedException.class);
        mine.chats().delete(chat.id()).execute();
        notFound(() -> sameOwnerElsewhere.chats().get(chat.id()).execute());
    }
}
