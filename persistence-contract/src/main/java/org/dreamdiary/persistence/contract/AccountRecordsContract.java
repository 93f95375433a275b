package org.dreamdiary.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.out.AccountRecords;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Progress;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link AccountRecords} port promises: every part of one account and nothing of
 * another's, each in the order the routes list it (ties broken by id in PostgreSQL's uuid order, which compares
 * unsigned bytes), with what its rows hold, and all parts read in one snapshot agreeing with each other whatever
 * commits meanwhile. Everything is written through the other ports of the same store, as the use cases write it;
 * every read is made inside {@code inSnapshot}, as the port asks. Every test uses accounts of its own.
 */
public abstract class AccountRecordsContract extends StorageContract {
    protected static final Instant T0 = TestChats.T0;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    /** More rows than any one page the routes read holds, so that a part read page by page needs several pages. */
    private static final int MORE_THAN_A_PAGE = Math.max(PageRequest.MAX_PER_PAGE, MessageCursor.MAX_LIMIT) + 1;

    protected AccountRecords records;
    protected TestChats chats;

    @BeforeEach
    final void takeRecords() {
        records = storage.accountRecords();
        chats = new TestChats(storage);
    }

    // --- every part ---

    @Test
    void givenAnAccountWithNothing_whenEveryPartIsRead_thenNothingIsHandedOver() {
        UserId owner = chats.user();
        somethingOfEveryKind(chats.user());

        assertEquals(Map.of("dreams", List.of(), "goals", List.of(), "tasks", List.of(), "diary", List.of(),
                "attachments", List.of(), "chats", List.of(), "messages", List.of()), everyPart(owner));
    }

    @Test
    void givenAnAccountWithSomethingOfEveryKind_whenEveryPartIsRead_thenNothingOfAnotherAccountComes() {
        UserId owner = chats.user();
        UserId other = chats.user();
        somethingOfEveryKind(other);
        Chat chat = somethingOfEveryKind(owner);
        // the owner also writes in the other account's chat, and the other account in the owner's
        Chat theirs = chats.chat(other, "Theirs", T0, owner);
        chats.post(owner, theirs.id(), "Mine, in their chat", T0.plusSeconds(30));
        storage.chats().addMember(chat.id(), other, T0);
        chats.post(other, chat.id(), "Theirs, in my chat", T0.plusSeconds(40));

        Map<String, List<?>> mine = everyPart(owner);

        assertEquals(Map.of("dreams", 1, "goals", 1, "tasks", 1, "diary", 1, "attachments", 1, "chats", 1,
                "messages", 2), sizes(mine), "messagesBy: the owner's two, one in each chat");
        assertEquals(List.of("Mine", "Theirs, in my chat"), texts(read(owner, messagesOf(chat.id()))));
    }

    /** One of each: a dream, a goal, a task, a diary entry, an attachment, a chat and a message; returns the chat. */
    private Chat somethingOfEveryKind(UserId owner) {
        Dream dream = dream(owner, T0, id(), List.of());
        Goal goal = goal(owner, dream, GoalStatus.ACTIVE, T0, id());
        task(owner, goal, "Practise", null, 1, id());
        entry(owner, DAY, id(), List.of(goal.id()), List.of());
        link(owner, T0, id());
        Chat chat = chats.chat(owner, "Mine");
        chats.post(owner, chat.id(), "Mine", T0.plusSeconds(20));
        return chat;
    }

    // --- each part's order and what its rows hold ---

    @Test
    void givenDreams_whenRead_thenTheOwnersComeOldestFirstTiesInIdOrderEachWithItsGoalsAndAttachments() {
        UserId owner = chats.user();
        Attachment link = link(owner, T0, id());
        Attachment image = image(owner, T0.plusSeconds(1));
        Dream newest = dream(owner, T0.plus(Duration.ofHours(2)), id(), List.of(image, link));
        Dream oldest = dream(owner, T0, id(), List.of());
        Dream sameTimeHigh = dream(owner, T0.plus(Duration.ofHours(1)), idWithFirstBit(true), List.of());
        Dream sameTimeLow = dream(owner, T0.plus(Duration.ofHours(1)), idWithFirstBit(false), List.of());
        goal(owner, oldest, GoalStatus.ACTIVE, T0, id());
        goal(owner, oldest, GoalStatus.ACHIEVED, T0, id());
        goal(owner, sameTimeLow, GoalStatus.ACHIEVED, T0, id());
        goal(owner, sameTimeHigh, GoalStatus.ABANDONED, T0, id());
        dream(chats.user(), T0.plus(Duration.ofMinutes(30)), id(), List.of());

        assertEquals(List.of(
                        new DreamView(oldest, 2, DreamStatus.PURSUING),
                        new DreamView(sameTimeLow, 1, DreamStatus.ACHIEVED),
                        new DreamView(sameTimeHigh, 1, DreamStatus.DREAMING),
                        new DreamView(newest, 0, DreamStatus.DREAMING)),
                read(owner, records::dreams));
    }

    @Test
    void givenGoals_whenRead_thenTheOwnersComeNewestFirstTiesByTheGreatestIdEachWithItsProgress() {
        UserId owner = chats.user();
        Dream dream = dream(owner, T0, id(), List.of());
        Goal oldest = goal(owner, dream, GoalStatus.ACTIVE, T0, id());
        Goal sameTimeLow = goal(owner, null, GoalStatus.ACHIEVED, T0.plus(Duration.ofHours(1)), idWithFirstBit(false));
        Goal sameTimeHigh = goal(owner, null, GoalStatus.ABANDONED, T0.plus(Duration.ofHours(1)), idWithFirstBit(true));
        Goal newest = goal(owner, dream, GoalStatus.ACTIVE, T0.plus(Duration.ofHours(2)), id());
        task(owner, oldest, "Done", T0, 1, id());
        task(owner, oldest, "Open", null, 2, id());
        task(owner, newest, "Done", T0, 1, id());
        goal(chats.user(), null, GoalStatus.ACTIVE, T0.plus(Duration.ofMinutes(30)), id());

        assertEquals(List.of(
                        new GoalView(newest, new Progress(1, 1)),
                        new GoalView(sameTimeHigh, new Progress(0, 0)),
                        new GoalView(sameTimeLow, new Progress(0, 0)),
                        new GoalView(oldest, new Progress(1, 2))),
                read(owner, records::goals));
    }

    @Test
    void givenTasksOfSeveralGoals_whenRead_thenByDueDateNoneLastThenPositionThenIdEachWithItsAttachments() {
        UserId owner = chats.user();
        Goal first = goal(owner, null, GoalStatus.ACTIVE, T0, id());
        Goal second = goal(owner, null, GoalStatus.ACTIVE, T0, id());
        Attachment link = link(owner, T0, id());
        Attachment image = image(owner, T0.plusSeconds(1));
        Task firstDueLater = dueTask(owner, first, "First, due later", DAY.plusDays(1), 1, idWithFirstBit(true),
                List.of(image, link));
        Task firstUndated = dueTask(owner, first, "First, undated", null, 2, idWithFirstBit(false), List.of());
        Task firstDueSooner = dueTask(owner, first, "First, due sooner", DAY, 3, id(), List.of());
        Task secondDueLater = dueTask(owner, second, "Second, due later", DAY.plusDays(1), 1, idWithFirstBit(false),
                List.of());
        Task secondDueLaterBelow = dueTask(owner, second, "Second, due later, below", DAY.plusDays(1), 2,
                idWithFirstBit(false), List.of());
        Task secondUndated = dueTask(owner, second, "Second, undated", null, 3, idWithFirstBit(false), List.of());
        UserId another = chats.user();
        task(another, goal(another, null, GoalStatus.ACTIVE, T0, id()), "Another's", null, 1, id());

        assertEquals(List.of(firstDueSooner, secondDueLater, firstDueLater, secondDueLaterBelow, firstUndated,
                secondUndated), read(owner, records::tasks));
    }

    @Test
    void givenDiaryEntries_whenRead_thenTheNewestDateFirstTiesByTheGreatestIdEachWithItsGoalsAndAttachments() {
        UserId owner = chats.user();
        Goal goal = goal(owner, null, GoalStatus.ACTIVE, T0, id());
        Goal another = goal(owner, null, GoalStatus.ACTIVE, T0, id());
        Attachment link = link(owner, T0, id());
        Attachment image = image(owner, T0.plusSeconds(1));
        DiaryEntry oldest = entry(owner, DAY.minusDays(2), id(), List.of(), List.of());
        DiaryEntry newest = entry(owner, DAY, id(), List.of(another.id(), goal.id()), List.of(image, link));
        DiaryEntry sameDayLow = entry(owner, DAY.minusDays(1), idWithFirstBit(false), List.of(), List.of());
        DiaryEntry sameDayHigh = entry(owner, DAY.minusDays(1), idWithFirstBit(true), List.of(goal.id()), List.of());
        entry(chats.user(), DAY.minusDays(1), id(), List.of(), List.of());

        assertEquals(List.of(newest, sameDayHigh, sameDayLow, oldest), read(owner, records::diary));
    }

    @Test
    void givenAttachments_whenRead_thenTheOwnersComeNewestFirstTiesByTheGreatestId() {
        UserId owner = chats.user();
        Attachment oldest = link(owner, T0, id());
        Attachment newest = image(owner, T0.plus(Duration.ofHours(2)));
        Attachment sameTimeLow = link(owner, T0.plus(Duration.ofHours(1)), idWithFirstBit(false));
        Attachment sameTimeHigh = link(owner, T0.plus(Duration.ofHours(1)), idWithFirstBit(true));
        link(chats.user(), T0.plus(Duration.ofMinutes(30)), id());

        assertEquals(List.of(newest, sameTimeHigh, sameTimeLow, oldest), read(owner, records::attachments));
    }

    @Test
    void givenChatsOwnedAndJoined_whenOwnedChatsAreRead_thenOnlyTheOwnedMostRecentActivityFirstTiesByTheGreatestId() {
        UserId owner = chats.user();
        UserId friend = chats.user();
        Chat busy = chats.chat(owner, "Busy", T0, friend);
        chats.post(friend, busy.id(), "Hello", T0.plus(Duration.ofMinutes(5)));
        chats.post(owner, busy.id(), "Hi", T0.plus(Duration.ofMinutes(6)));
        Chat quiet = chats.chat(owner, "Quiet", T0.plus(Duration.ofMinutes(1)));
        Chat newest = chats.chat(owner, "Newest", T0.plus(Duration.ofMinutes(10)));
        Chat sameTimeLow = chats.chat(new ChatId(idWithFirstBit(false)), owner, "Low", T0.plus(Duration.ofMinutes(3)));
        Chat sameTimeHigh = chats.chat(new ChatId(idWithFirstBit(true)), owner, "High", T0.plus(Duration.ofMinutes(3)));
        Chat joined = chats.chat(friend, "Joined", T0.plus(Duration.ofMinutes(20)), owner);
        chats.post(owner, joined.id(), "Only a member here", T0.plus(Duration.ofMinutes(21)));

        List<ChatView> owned = read(owner, records::ownedChats);

        assertEquals(List.of(newest, busy, sameTimeHigh, sameTimeLow, quiet),
                owned.stream().map(ChatView::chat).toList());
        assertEquals(new ChatView(busy, 2, 2, T0.plus(Duration.ofMinutes(6))), owned.get(1));
        assertEquals(new ChatView(quiet, 1, 0, null), owned.get(4));
        assertEquals(owned.stream().map(view -> storage.chats().asMember(owner, view.chat().id()).orElseThrow()).toList(),
                owned, "each chat as its members see it");
    }

    @Test
    void givenAnOwnedChat_whenItsMessagesAreRead_thenEveryAuthorsComeInCommitOrderThoseOfDeletedAccountsWithoutAuthor() {
        UserId owner = chats.user();
        UserId friend = chats.user();
        UserId departed = chats.user();
        Chat chat = chats.chat(owner, "Ours", T0, friend, departed);
        Message first = chats.post(owner, chat.id(), "First", T0);
        Message second = chats.post(departed, chat.id(), "Second", T0.plusSeconds(1));
        // committed after the second, on a node whose clock is behind: the order is the ids', the commits'
        Message third = chats.post(friend, chat.id(), "Third", T0.minusSeconds(1));
        Message deleted = chats.post(friend, chat.id(), "Deleted", T0.plusSeconds(3));
        Message edited = chats.post(owner, chat.id(), "Edited", T0.plusSeconds(4)).edit(
                new MessageText("Edited, again"), T0.plusSeconds(5));
        storage.messages().update(edited);
        storage.messages().delete(chat.id(), deleted.id(), OptionalLong.empty());
        storage.users().delete(departed, OptionalLong.empty());
        Chat other = chats.chat(owner, "Other");
        chats.post(owner, other.id(), "Elsewhere", T0.plusSeconds(6));

        assertEquals(List.of(first, withoutAuthor(second), third, edited),
                read(owner, messagesOf(chat.id())));
    }

    @Test
    void givenAChatTheCallerOnlyJoinedOrNoChatAtAll_whenItsMessagesAreRead_thenNothingIsHandedOver() {
        UserId owner = chats.user();
        UserId member = chats.user();
        Chat chat = chats.chat(owner, "The owner's", T0, member);
        chats.post(owner, chat.id(), "By the owner", T0);
        chats.post(member, chat.id(), "By the member", T0.plusSeconds(1));

        assertEquals(List.of(), read(member, messagesOf(chat.id())), "a member");
        assertEquals(List.of(), read(chats.user(), messagesOf(chat.id())),
                "a stranger");
        assertEquals(List.of(), read(owner, messagesOf(new ChatId(id()))),
                "no such chat");
    }

    @Test
    void givenMessagesInSeveralChats_whenTheAuthorsAreRead_thenEveryOneTheyWroteComesInCommitOrderAcrossChats() {
        UserId author = chats.user();
        UserId owner = chats.user();
        Chat own = chats.chat(author, "Own");
        Chat joined = chats.chat(owner, "Joined", T0, author);
        Chat left = chats.chat(owner, "Left", T0, author);
        Message first = chats.post(author, joined.id(), "First", T0);
        chats.post(owner, joined.id(), "Not the author's", T0.plusSeconds(1));
        Message second = chats.post(author, own.id(), "Second", T0.plusSeconds(2));
        // committed after the second, on a node whose clock is behind: the order is the ids', the commits'
        Message third = chats.post(author, left.id(), "Third", T0.minusSeconds(1));
        Message fourth = chats.post(author, joined.id(), "Fourth", T0.plusSeconds(4));
        storage.chats().removeMember(left.id(), author);

        assertEquals(List.of(first, second, third, fourth), read(author, records::messagesBy));
    }

    @Test
    void givenMoreRowsThanAPageOfEachPart_whenRead_thenEveryRowComesInOrder() {
        UserId owner = chats.user();
        List<Dream> dreams = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        List<DiaryEntry> entries = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        List<Chat> owned = new ArrayList<>();
        Goal holder = goal(owner, null, GoalStatus.ACTIVE, T0.minusSeconds(1), id());
        goals.add(holder);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < MORE_THAN_A_PAGE; i++) {
            Instant at = T0.plusSeconds(i);
            dreams.add(dream(owner, at, id(), List.of()));
            goals.add(goal(owner, null, GoalStatus.ACTIVE, at, id()));
            tasks.add(task(owner, holder, "Step " + i, null, i + 1, id()));
            entries.add(entry(owner, DAY.minusDays(i), id(), List.of(), List.of()));
            attachments.add(link(owner, at, id()));
            owned.add(chats.chat(owner, "Chat " + i, at));
        }
        List<Message> messages = chats.posts(owner, owned.get(0).id(), MORE_THAN_A_PAGE, T0.plus(Duration.ofDays(1)));

        assertEquals(ids(dreams, Dream::id), ids(read(owner, records::dreams), view -> view.dream().id()));
        assertEquals(ids(reversed(goals), Goal::id), ids(read(owner, records::goals), view -> view.goal().id()));
        assertEquals(tasks, read(owner, records::tasks));
        assertEquals(entries, read(owner, records::diary));
        assertEquals(reversed(attachments), read(owner, records::attachments));
        List<Chat> busiestFirst = new ArrayList<>(reversed(owned.subList(1, owned.size())));
        busiestFirst.add(0, owned.get(0));
        assertEquals(busiestFirst, read(owner, records::ownedChats).stream().map(ChatView::chat).toList());
        assertEquals(messages, read(owner, messagesOf(owned.get(0).id())));
        assertEquals(messages, read(owner, records::messagesBy));
    }

    @Test
    void givenOwnedChats_whenEachChatsMessagesAreReadWhileTheChatsAreHandedOver_thenEachGetsItsOwn() {
        UserId owner = chats.user();
        Chat older = chats.chat(owner, "Older", T0);
        Chat newer = chats.chat(owner, "Newer", T0.plusSeconds(10));
        List<Message> inOlder = chats.posts(owner, older.id(), 3, T0.plusSeconds(1));
        Message inNewer = chats.post(owner, newer.id(), "Only one", T0.plusSeconds(20));

        List<List<Message>> perChat = storage.transactions().inSnapshot(() -> {
            List<List<Message>> each = new ArrayList<>();
            records.ownedChats(owner, chat -> {
                List<Message> ofChat = new ArrayList<>();
                records.messagesOf(owner, chat.chat().id(), ofChat::add);
                each.add(ofChat);
            });
            return each;
        });

        assertEquals(List.of(List.of(inNewer), inOlder), perChat);
    }

    // --- one snapshot ---

    @Test
    void givenAnExportUnderWay_whenAnotherTransactionCommits_thenTheSnapshotSeesNoneOfItAndTheNextDoes() {
        UserId owner = chats.user();
        Dream dream = dream(owner, T0, id(), List.of());
        Chat chat = chats.chat(owner, "Notes");
        List<Background<Void>> writers = new ArrayList<>();

        Map<String, List<?>> duringExport = storage.transactions().inSnapshot(() -> {
            List<DreamView> before = new ArrayList<>();
            records.dreams(owner, before::add);
            // commits beside the snapshot, or waits for it to end: either way the snapshot must not see it
            Background<Void> writer = Background.start("writer", () -> storage.transactions().inTransaction(() -> {
                Goal goal = goal(owner, dream, GoalStatus.ACTIVE, T0, id());
                task(owner, goal, "Later", null, 1, id());
                entry(owner, DAY, id(), List.of(goal.id()), List.of());
                link(owner, T0, id());
                chats.post(owner, chat.id(), "Later", T0.plusSeconds(1));
                return null;
            }));
            writers.add(writer);
            writer.doneOrWaiting();
            Map<String, List<?>> seen = parts(owner);
            assertEquals(before, seen.get("dreams"), "the dreams read before and after");
            return seen;
        });
        writers.get(0).result();

        assertEquals(Map.of("dreams", List.of(new DreamView(dream, 0, DreamStatus.DREAMING)), "goals", List.of(),
                        "tasks", List.of(), "diary", List.of(), "attachments", List.of(),
                        "chats", List.of(new ChatView(chat, 1, 0, null)), "messages", List.of()),
                duringExport);
        assertEquals(Map.of("dreams", 1, "goals", 1, "tasks", 1, "diary", 1, "attachments", 1, "chats", 1,
                "messages", 1), sizes(everyPart(owner)));
        assertEquals(new DreamView(dream, 1, DreamStatus.PURSUING), read(owner, records::dreams).get(0));
    }

    // --- reading ---

    /** What one part hands over for {@code owner}, read in a snapshot of its own. */
    private <T> List<T> read(UserId owner, BiConsumer<UserId, Consumer<T>> part) {
        return storage.transactions().inSnapshot(() -> handed(owner, part));
    }

    /** The part that hands over the messages of {@code chat}. */
    private BiConsumer<UserId, Consumer<Message>> messagesOf(ChatId chat) {
        return (owner, each) -> records.messagesOf(owner, chat, each);
    }

    /** Every part for {@code owner}, by name, in one snapshot of its own. */
    private Map<String, List<?>> everyPart(UserId owner) {
        return storage.transactions().inSnapshot(() -> parts(owner));
    }

    /** Every part for {@code owner}, by name, as an export reads them; {@code messages} are those the owner wrote. */
    private Map<String, List<?>> parts(UserId owner) {
        return Map.of(
                "dreams", handed(owner, records::dreams),
                "goals", handed(owner, records::goals),
                "tasks", handed(owner, records::tasks),
                "diary", handed(owner, records::diary),
                "attachments", handed(owner, records::attachments),
                "chats", handed(owner, records::ownedChats),
                "messages", handed(owner, records::messagesBy));
    }

    private static <T> List<T> handed(UserId owner, BiConsumer<UserId, Consumer<T>> part) {
        List<T> handed = new ArrayList<>();
        part.accept(owner, handed::add);
        return handed;
    }

    private static Map<String, Integer> sizes(Map<String, List<?>> parts) {
        return parts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().size()));
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(message -> message.text().value()).toList();
    }

    private static <T, I> List<I> ids(List<T> rows, Function<T, I> id) {
        return rows.stream().map(id).toList();
    }

    private static <T> List<T> reversed(List<T> rows) {
        return IntStream.range(0, rows.size()).mapToObj(i -> rows.get(rows.size() - 1 - i)).toList();
    }

    private static Message withoutAuthor(Message message) {
        return new Message(message.id(), message.chat(), null, message.text(), message.createdAt(), message.editedAt(),
                message.version());
    }

    // --- writing, through the other ports of the store ---

    private Dream dream(UserId owner, Instant createdAt, UUID id, List<Attachment> attachments) {
        Dream dream = Dream.create(new DreamId(id), owner, new Name("Dream " + id), null, attachments, createdAt);
        storage.dreams().add(dream);
        return dream;
    }

    /** A goal of {@code dream} (null: of none), with the status given. */
    private Goal goal(UserId owner, Dream dream, GoalStatus status, Instant createdAt, UUID id) {
        Goal goal = new Goal(new GoalId(id), owner, dream == null ? null : dream.id(), new Name("Goal " + id), null,
                null, status, createdAt, createdAt, 1);
        storage.goals().add(goal);
        return goal;
    }

    /** A task of {@code goal}, done at {@code doneAt} (null: open), holding nothing. */
    private Task task(UserId owner, Goal goal, String text, Instant doneAt, int position, UUID id) {
        Task task = new Task(new TaskId(id), owner, goal.id(), new TaskText(text), null, null, doneAt != null, doneAt,
                position, List.of(), T0, T0, 1);
        storage.tasks().add(task);
        return task;
    }

    /** An open task of {@code goal}, due on {@code due} (null: undated). */
    private Task dueTask(UserId owner, Goal goal, String text, LocalDate due, int position, UUID id,
                      List<Attachment> attachments) {
        Task task = new Task(new TaskId(id), owner, goal.id(), new TaskText(text), null, due, false, null, position,
                attachments, T0, T0, 1);
        storage.tasks().add(task);
        return task;
    }

    private DiaryEntry entry(UserId owner, LocalDate date, UUID id, List<GoalId> goals, List<Attachment> attachments) {
        DiaryEntry entry = new DiaryEntry(new DiaryEntryId(id), owner, date, null, new DiaryText("Entry " + id),
                new Mood(4), goals, attachments, T0, T0, 1);
        storage.diaryEntries().add(entry);
        return entry;
    }

    private Attachment link(UserId owner, Instant createdAt, UUID id) {
        Attachment link = Attachment.ofLink(new AttachmentId(id), owner, new LinkUrl("https://example.org/" + id),
                createdAt);
        storage.attachments().add(link);
        return link;
    }

    private Attachment image(UserId owner, Instant createdAt) {
        Attachment image = TestAttachments.image(owner, createdAt);
        storage.attachments().add(image);
        return image;
    }

    private static UUID id() {
        return UUID.randomUUID();
    }

    /**
     * A random id whose first bit is set or not: PostgreSQL puts one with it set after one without, as their text
     * sorts, where {@link UUID#compareTo}, comparing signed halves, puts it before.
     */
    private static UUID idWithFirstBit(boolean set) {
        UUID random = UUID.randomUUID();
        long high = set ? random.getMostSignificantBits() | Long.MIN_VALUE : random.getMostSignificantBits() & Long.MAX_VALUE;
        return new UUID(high, random.getLeastSignificantBits());
    }
}
