package org.dreamdiary.application.service.chat;

import static org.dreamdiary.application.service.ExpectedVersions.isAt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.ChatStats.AuthorCount;
import org.dreamdiary.application.chat.ChatStats.DayCount;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.application.service.RecordingTransactions.Store;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * Hand-made, in-memory stand-ins for the outbound ports of the chat use cases. They keep what the ports promise:
 * every read made as a member sees only that member's chats, the optimistic version check, a chat's counts kept
 * by its messages, its highest message id surviving deletes, messages ordered by id as PostgreSQL orders uuids
 * (unsigned), a chat's messages going with it, and events published only when their transaction commits.
 */
public final class ChatFakes {
    private ChatFakes() {
    }

    /** Ids ordered as PostgreSQL orders uuids: the canonical lower-case hex form sorts byte by byte, unsigned. */
    static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);
    static final Comparator<Message> BY_ID = Comparator.comparing(message -> message.id().value(), UUID_ORDER);

    /** {@link RecordingTransactions} that tell the event buses when the outermost transaction has ended. */
    public static final class ChatTransactions extends RecordingTransactions {
        private final List<Runnable> onEnd = new ArrayList<>();

        void onOutermostEnd(Runnable action) {
            onEnd.add(action);
        }

        @Override
        protected void outermostEnded() {
            onEnd.forEach(Runnable::run);
        }
    }

    /**
     * Ids 1, 2, 3, … shaped like UUIDv7 (version 7, variant 2) so they sort in the order given; {@link #thenGive}
     * hands out chosen ids first, as a node whose clock is behind would.
     */
    static final class ChatIds implements Ids {
        private final Deque<UUID> chosen = new ArrayDeque<>();
        private long next = 1;

        static UUID sequential(long n) {
            return new UUID(0x0000000000007000L, 0x8000000000000000L | n);
        }

        @Override
        public UUID next() {
            return chosen.isEmpty() ? sequential(next++) : chosen.poll();
        }

        void thenGive(UUID id) {
            chosen.add(id);
        }
    }

    /** Chats with their members in joining order and the counts their messages keep up to date. */
    public static final class InMemoryChats implements Chats, Store {
        /** One stored chat, as the chats and chat_members rows hold it. */
        record Row(Chat chat, List<UserId> members, long messageCount, Instant lastMessageAt, MessageId lastMessageId) {
            Row {
                members = List.copyOf(members);
            }

            Row with(Chat changed) {
                return new Row(changed, members, messageCount, lastMessageAt, lastMessageId);
            }

            Row withMembers(List<UserId> changed) {
                return new Row(chat, changed, messageCount, lastMessageAt, lastMessageId);
            }

            ChatView view() {
                return new ChatView(chat, members.size(), messageCount, lastMessageAt);
            }
        }

        private final RecordingTransactions transactions;
        private final Users users;
        private Map<ChatId, Row> rows = new LinkedHashMap<>();
        private Consumer<ChatId> onDelete = chat -> { };
        private Function<ChatId, List<Message>> newestFirst = chat -> List.of();

        public InMemoryChats(RecordingTransactions transactions, Users users) {
            this.transactions = transactions;
            this.users = users;
        }

        /** What else the storage deletes with a chat (its messages, as the real schema cascades). */
        void cascadeDeletesTo(Consumer<ChatId> onDelete) {
            this.onDelete = onDelete;
        }

        /** Where the storage finds a chat's messages, newest first (without: it has none). */
        void readsMessagesFrom(Function<ChatId, List<Message>> newestFirst) {
            this.newestFirst = newestFirst;
        }

        @Override
        public Runnable checkpoint() {
            Map<ChatId, Row> saved = new LinkedHashMap<>(rows);
            return () -> rows = saved;
        }

        @Override
        public void add(Chat chat, List<UserId> members, Instant now) {
            transactions.writing("chats.add");
            List<UserId> everyone = Stream.concat(Stream.of(chat.owner()), members.stream()).toList();
            if (everyone.stream().distinct().count() != everyone.size()) {
                throw new IllegalStateException("a user would be a member twice (a primary key violation)");
            }
            if (rows.putIfAbsent(chat.id(), new Row(chat, everyone, 0, null, null)) != null) {
                throw new IllegalStateException("chat " + chat.id() + " exists already");
            }
        }

        @Override
        public Optional<ChatView> asMember(UserId caller, ChatId chat) {
            return memberRow(caller, chat).map(Row::view);
        }

        @Override
        public Optional<ChatOverview> overview(UserId caller, ChatId chat, int limit) {
            return memberRow(caller, chat).map(row -> new ChatOverview(row.view(),
                    newestFirst.apply(chat).stream().limit(limit).toList()));
        }

        @Override
        public Page<ChatView> list(UserId caller, ChatQuery query, PageRequest page) {
            Comparator<Row> byActivity = Comparator.comparing(
                    (Row row) -> row.lastMessageAt() == null ? row.chat().createdAt() : row.lastMessageAt());
            List<ChatView> matching = rows.values().stream()
                    .filter(row -> row.members().contains(caller))
                    .filter(row -> query.titleContains().map(text -> row.chat().title().value().toLowerCase(Locale.ROOT)
                            .contains(text.toLowerCase(Locale.ROOT))).orElse(true))
                    .filter(row -> !query.ownedOnly() || row.chat().owner().equals(caller))
                    .sorted(byActivity.thenComparing(row -> row.chat().id().value(), UUID_ORDER).reversed())
                    .map(Row::view)
                    .toList();
            return page(matching, page);
        }

        @Override
        public void update(Chat changed) {
            transactions.writing("chats.update");
            Row stored = rows.get(changed.id());
            if (stored == null || stored.chat().version() != changed.version() - 1) {
                throw new StaleVersionException("the chat");
            }
            rows.put(changed.id(), stored.with(changed));
        }

        @Override
        public boolean delete(UserId owner, ChatId chat, OptionalLong expectedVersion) {
            transactions.writing("chats.delete");
            Row stored = rows.get(chat);
            if (stored == null || !stored.chat().owner().equals(owner)
                    || !isAt(expectedVersion, stored.chat().version())) {
                return false;
            }
            rows.remove(chat);
            onDelete.accept(chat);
            return true;
        }

        @Override
        public Page<User> members(UserId caller, ChatId chat, PageRequest page) {
            List<User> members = memberRow(caller, chat).map(Row::members).orElse(List.of()).stream()
                    .flatMap(member -> users.byId(member).stream())
                    .toList();
            return page(members, page);
        }

        @Override
        public boolean addMember(ChatId chat, UserId member, Instant now) {
            transactions.writing("chats.addMember");
            Row stored = rows.get(chat);
            if (stored == null) {
                throw new IllegalStateException("no chat " + chat + " (a foreign key violation)");
            }
            if (stored.members().contains(member)) {
                return false;
            }
            List<UserId> members = new ArrayList<>(stored.members());
            members.add(member);
            rows.put(chat, stored.withMembers(members));
            return true;
        }

        @Override
        public boolean removeMember(ChatId chat, UserId member) {
            transactions.writing("chats.removeMember");
            Row stored = rows.get(chat);
            if (stored == null || !stored.members().contains(member)) {
                return false;
            }
            rows.put(chat, stored.withMembers(stored.members().stream().filter(other -> !other.equals(member)).toList()));
            return true;
        }

        /** A lock, held only inside a transaction: noted like a write, so one taken outside shows. */
        @Override
        public Optional<Slot> reserveMessage(UserId caller, ChatId chat) {
            transactions.writing("chats.reserveMessage");
            return memberRow(caller, chat).map(row -> new Slot(row.lastMessageId()));
        }

        @Override
        public Optional<Slots> reserveMessages(ChatId chat, Set<UserId> posters) {
            transactions.writing("chats.reserveMessages");
            return Optional.ofNullable(rows.get(chat))
                    .map(row -> new Slots(row.lastMessageId(), posters.stream().filter(row.members()::contains)
                            .collect(Collectors.toSet())))
                    .filter(slots -> !slots.members().isEmpty());
        }

        boolean isMember(UserId user, ChatId chat) {
            return memberRow(user, chat).isPresent();
        }

        Optional<Row> stored(ChatId chat) {
            return Optional.ofNullable(rows.get(chat));
        }

        int count() {
            return rows.size();
        }

        /** A new message is the chat's newest: counted, and its id the highest the chat gave out. */
        void counted(Message message) {
            Row row = rows.get(message.chat());
            rows.put(message.chat(), new Row(row.chat(), row.members(), row.messageCount() + 1, message.createdAt(),
                    message.id()));
        }

        /** A message is gone: uncounted; the highest id given out stays. */
        void uncounted(ChatId chat, Instant newestLeft) {
            Row row = rows.get(chat);
            rows.put(chat, new Row(row.chat(), row.members(), row.messageCount() - 1, newestLeft, row.lastMessageId()));
        }

        private Optional<Row> memberRow(UserId caller, ChatId chat) {
            return Optional.ofNullable(rows.get(chat)).filter(row -> row.members().contains(caller));
        }
    }

    /** Messages, visible only to the members of their chat. */
    static final class InMemoryMessages implements Messages, Store {
        private final RecordingTransactions transactions;
        private final InMemoryChats chats;
        private Map<MessageId, Message> byId = new LinkedHashMap<>();

        InMemoryMessages(RecordingTransactions transactions, InMemoryChats chats) {
            this.transactions = transactions;
            this.chats = chats;
        }

        @Override
        public Runnable checkpoint() {
            Map<MessageId, Message> saved = new LinkedHashMap<>(byId);
            return () -> byId = saved;
        }

        @Override
        public void add(Message message) {
            transactions.writing("messages.add");
            if (chats.stored(message.chat()).isEmpty()) {
                throw new IllegalStateException("no chat " + message.chat() + " (a foreign key violation)");
            }
            if (byId.putIfAbsent(message.id(), message) != null) {
                throw new IllegalStateException("message " + message.id() + " exists already");
            }
            chats.counted(message);
        }

        @Override
        public void addAll(List<Message> messages) {
            messages.forEach(this::add);
        }

        @Override
        public Optional<Visible> byId(UserId caller, MessageId id) {
            return Optional.ofNullable(byId.get(id))
                    .filter(message -> chats.isMember(caller, message.chat()))
                    .map(message -> new Visible(message, chats.stored(message.chat()).orElseThrow().chat().owner()));
        }

        @Override
        public MessageSlice slice(UserId caller, ChatId chat, MessageCursor cursor) {
            if (!chats.isMember(caller, chat)) {
                return new MessageSlice(List.of(), cursor, false);
            }
            UUID from = cursor.from() == null ? null : cursor.from().value();
            List<Message> rows = ofChat(chat).stream()
                    .filter(message -> switch (cursor.direction()) {
                        case LATEST -> true;
                        case BEFORE -> UUID_ORDER.compare(message.id().value(), from) < 0;
                        case AFTER -> UUID_ORDER.compare(message.id().value(), from) > 0;
                    })
                    .sorted(cursor.direction() == MessageCursor.Direction.AFTER ? BY_ID : BY_ID.reversed())
                    .limit(cursor.limit() + 1L)
                    .toList();
            boolean more = rows.size() > cursor.limit();
            return new MessageSlice(more ? rows.subList(0, cursor.limit()) : rows, cursor, more);
        }

        @Override
        public void update(Message changed) {
            transactions.writing("messages.update");
            Message stored = byId.get(changed.id());
            if (stored == null || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the message");
            }
            byId.put(changed.id(), changed);
        }

        @Override
        public boolean delete(ChatId chat, MessageId id, OptionalLong expectedVersion) {
            transactions.writing("messages.delete");
            Message stored = byId.get(id);
            if (stored == null || !stored.chat().equals(chat) || !isAt(expectedVersion, stored.version())) {
                return false;
            }
            byId.remove(id);
            List<Message> left = ofChat(chat);
            chats.uncounted(chat, left.isEmpty() ? null : left.get(left.size() - 1).createdAt());
            return true;
        }

        @Override
        public ChatStats stats(UserId caller, ChatId chat, LocalDate from, LocalDate to) {
            List<Message> counted = !chats.isMember(caller, chat) ? List.of() : ofChat(chat).stream()
                    .filter(message -> from == null || !day(message).isBefore(from))
                    .filter(message -> to == null || !day(message).isAfter(to))
                    .toList();
            List<DayCount> perDay = counted.stream()
                    .collect(Collectors.groupingBy(ChatFakes::day, TreeMap::new, Collectors.counting()))
                    .entrySet().stream().map(entry -> new DayCount(entry.getKey(), entry.getValue())).toList();
            List<AuthorCount> perAuthor = counted.stream()
                    .collect(Collectors.groupingBy(message -> Optional.ofNullable(message.author()), Collectors.counting()))
                    .entrySet().stream()
                    .map(entry -> new AuthorCount(entry.getKey().orElse(null), entry.getValue()))
                    .sorted(Comparator.comparingLong(AuthorCount::count).reversed().thenComparing(
                            count -> count.author() == null ? null : count.author().value(),
                            Comparator.nullsLast(UUID_ORDER)))
                    .toList();
            Instant first = counted.stream().map(Message::createdAt).min(Comparator.naturalOrder()).orElse(null);
            Instant last = counted.stream().map(Message::createdAt).max(Comparator.naturalOrder()).orElse(null);
            return new ChatStats(counted.size(), first, last, perDay, perAuthor);
        }

        @Override
        public List<Message> byAuthor(UserId author, MessageId after, int limit) {
            return byId.values().stream()
                    .filter(message -> Objects.equals(message.author(), author))
                    .filter(message -> after == null || UUID_ORDER.compare(message.id().value(), after.value()) > 0)
                    .sorted(BY_ID)
                    .limit(limit)
                    .toList();
        }

        /** Called as the chat is deleted: its messages go with it. */
        void forgetChat(ChatId chat) {
            byId.values().removeIf(message -> message.chat().equals(chat));
        }

        int count() {
            return byId.size();
        }

        /** The chat's messages, newest (highest id) first. */
        List<Message> newestFirst(ChatId chat) {
            return ofChat(chat).stream().sorted(BY_ID.reversed()).toList();
        }

        /** The chat's messages, oldest (lowest id) first. */
        private List<Message> ofChat(ChatId chat) {
            return byId.values().stream().filter(message -> message.chat().equals(chat)).sorted(BY_ID).toList();
        }
    }

    /**
     * The event bus of one node. Published events wait for their transaction: they are recorded and go to the
     * subscribers when it commits, and vanish when it rolls back. {@link #deliver} hands subscribers an event as if
     * another node had published it.
     */
    public static class RecordingEvents<E> implements Store {
        private final ChatTransactions transactions;
        private final List<Consumer<E>> subscribers = new ArrayList<>();
        private final List<E> published = new ArrayList<>();
        private List<E> pending = new ArrayList<>();
        /** Committed events not yet delivered, while deliveries are held; null when they are not. */
        private List<E> held;

        public RecordingEvents(ChatTransactions transactions) {
            this.transactions = transactions;
            transactions.onOutermostEnd(this::commit);
        }

        @Override
        public Runnable checkpoint() {
            List<E> saved = new ArrayList<>(pending);
            return () -> pending = saved;
        }

        public void publish(E event) {
            transactions.writing("events.publish");
            pending.add(event);
            if (!transactions.inProgress()) {
                commit();
            }
        }

        public void subscribe(Consumer<E> listener) {
            subscribers.add(listener);
        }

        public void deliver(E event) {
            subscribers.forEach(subscriber -> subscriber.accept(event));
        }

        /** The events published by committed transactions, in commit order. */
        public List<E> published() {
            return List.copyOf(published);
        }

        /** From now on, committed events wait for {@link #releaseDeliveries} before reaching the subscribers. */
        public void holdDeliveries() {
            if (held == null) {
                held = new ArrayList<>();
            }
        }

        /** The subscribers get the events held back, in commit order, and later ones at once again. */
        public void releaseDeliveries() {
            List<E> due = held == null ? List.of() : held;
            held = null;
            due.forEach(this::deliver);
        }

        protected void dropHeldDeliveries() {
            held = null;
        }

        private void commit() {
            List<E> committed = pending;
            pending = new ArrayList<>();
            published.addAll(committed);
            if (held != null) {
                held.addAll(committed);
            } else {
                committed.forEach(this::deliver);
            }
        }
    }

    public static final class RecordingChatEvents extends RecordingEvents<ChatEvent> implements ChatEvents {
        public RecordingChatEvents(ChatTransactions transactions) {
            super(transactions);
        }
    }

    /**
     * Caught up by default, as a node whose listener hears every end at once. {@link #holdDeliveries} acts out a
     * listener still caught up within the bound but not yet with the latest commit; {@link #stopListening} and
     * {@link #listenAgain} a lost listening connection.
     */
    public static final class RecordingSessionEvents extends RecordingEvents<SessionsEnded> implements SessionEvents {
        private final List<Runnable> gapListeners = new ArrayList<>();
        private boolean listening = true;

        public RecordingSessionEvents(ChatTransactions transactions) {
            super(transactions);
        }

        @Override
        public void subscribeToGaps(Runnable listener) {
            gapListeners.add(listener);
        }

        @Override
        public boolean caughtUpWithin(Duration lag) {
            return listening;
        }

        /** As if the listening connection were lost: whatever is published meanwhile is never delivered. */
        public void stopListening() {
            listening = false;
            holdDeliveries();
        }

        /** Listening again: the gap is reported, and what was published meanwhile stays lost. */
        public void listenAgain() {
            dropHeldDeliveries();
            gapListeners.forEach(Runnable::run);
            listening = true;
        }
    }

    static LocalDate day(Message message) {
        return LocalDate.ofInstant(message.createdAt(), ZoneOffset.UTC);
    }

    static <T> Page<T> page(List<T> all, PageRequest page) {
        return new Page<>(all.stream().skip(page.offset()).limit(page.perPage()).toList(), all.size(), page);
    }
}
