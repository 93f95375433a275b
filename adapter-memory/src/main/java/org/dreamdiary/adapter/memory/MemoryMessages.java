package org.dreamdiary.adapter.memory;

import static org.dreamdiary.adapter.memory.ChatTables.BY_ID;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dreamdiary.adapter.memory.ChatTables.ChatRow;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.ChatStats.AuthorCount;
import org.dreamdiary.application.chat.ChatStats.DayCount;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.UserId;

/**
 * Messages in memory, seen only by the members of their chat, in id order (uuid order, as PostgreSQL compares
 * them); adding and deleting one keeps its chat's counts. Statistics count days in UTC.
 */
final class MemoryMessages implements Messages {
    /** The authors from the most messages down, ties in uuid order, departed accounts (null) last. */
    private static final Comparator<AuthorCount> MOST_FIRST = Comparator.comparingLong(AuthorCount::count).reversed()
            .thenComparing(count -> count.author() == null ? null : count.author().value(),
                    Comparator.nullsLast(Uuids.ORDER));

    private final MemoryTransactions transactions;
    private final ChatTables tables;

    MemoryMessages(MemoryTransactions transactions, ChatTables tables) {
        this.transactions = transactions;
        this.tables = tables;
    }

    @Override
    public void add(Message message) {
        transactions.atomically(() -> {
            ChatRow chat = tables.chats.get(message.chat())
                    .orElseThrow(() -> new IllegalArgumentException("no chat " + message.chat()));
            if (tables.messages.contains(message.id())) {
                throw new IllegalArgumentException("message " + message.id() + " exists already");
            }
            tables.messages.put(message.id(), message);
            tables.chats.put(message.chat(), chat.counted(message));
        });
    }

    @Override
    public void addAll(List<Message> messages) {
        transactions.atomically(() -> messages.forEach(this::add));
    }

    @Override
    public Optional<Visible> byId(UserId caller, MessageId id) {
        return transactions.atomically(() -> tables.messages.get(id)
                .flatMap(message -> tables.asMember(caller, message.chat())
                        .map(chat -> new Visible(message, chat.chat().owner()))));
    }

    @Override
    public MessageSlice slice(UserId caller, ChatId chat, MessageCursor cursor) {
        UUID from = cursor.from() == null ? null : cursor.from().value();
        return transactions.atomically(() -> {
            if (!tables.isMember(caller, chat)) {
                return new MessageSlice(List.of(), cursor, false);
            }
            // one more than asked tells whether there is a next page
            List<Message> rows = tables.messagesOf(chat).stream()
                    .filter(message -> switch (cursor.direction()) {
                        case LATEST -> true;
                        case BEFORE -> Uuids.ORDER.compare(message.id().value(), from) < 0;
                        case AFTER -> Uuids.ORDER.compare(message.id().value(), from) > 0;
                    })
                    .sorted(cursor.direction() == MessageCursor.Direction.AFTER ? BY_ID : BY_ID.reversed())
                    .limit(cursor.limit() + 1L)
                    .toList();
            boolean more = rows.size() > cursor.limit();
            return new MessageSlice(more ? rows.subList(0, cursor.limit()) : rows, cursor, more);
        });
    }

    /** Changes what an edit changes (text, edit time, version); the author stays as stored. */
    @Override
    public void update(Message changed) {
        transactions.atomically(() -> {
            Message stored = tables.messages.get(changed.id())
                    .filter(message -> message.version() == changed.version() - 1)
                    .orElseThrow(() -> new StaleVersionException("the message"));
            tables.messages.put(changed.id(), new Message(stored.id(), stored.chat(), stored.author(), changed.text(),
                    stored.createdAt(), changed.editedAt(), changed.version()));
        });
    }

    @Override
    public boolean delete(ChatId chat, MessageId id, OptionalLong expectedVersion) {
        return transactions.atomically(() -> {
            boolean deletable = tables.messages.get(id)
                    .filter(message -> message.chat().equals(chat))
                    .filter(message -> VersionCondition.allows(expectedVersion, message.version()))
                    .isPresent();
            if (deletable) {
                tables.messages.remove(id);
                List<Message> left = tables.messagesOf(chat);
                Instant newestLeft = left.isEmpty() ? null : left.get(left.size() - 1).createdAt();
                tables.chats.put(chat, tables.chats.get(chat).orElseThrow().uncounted(newestLeft));
            }
            return deletable;
        });
    }

    @Override
    public ChatStats stats(UserId caller, ChatId chat, LocalDate from, LocalDate to) {
        return transactions.atomically(() -> {
            List<Message> counted = !tables.isMember(caller, chat) ? List.of() : tables.messagesOf(chat).stream()
                    .filter(message -> from == null || !day(message).isBefore(from))
                    .filter(message -> to == null || !day(message).isAfter(to))
                    .toList();
            List<DayCount> perDay = counted.stream()
                    .collect(Collectors.groupingBy(MemoryMessages::day, TreeMap::new, Collectors.counting()))
                    .entrySet().stream().map(entry -> new DayCount(entry.getKey(), entry.getValue())).toList();
            List<AuthorCount> perAuthor = counted.stream()
                    .collect(Collectors.groupingBy(message -> Optional.ofNullable(message.author()), Collectors.counting()))
                    .entrySet().stream()
                    .map(entry -> new AuthorCount(entry.getKey().orElse(null), entry.getValue()))
                    .sorted(MOST_FIRST)
                    .toList();
            Instant first = counted.stream().map(Message::createdAt).min(Comparator.naturalOrder()).orElse(null);
            Instant last = counted.stream().map(Message::createdAt).max(Comparator.naturalOrder()).orElse(null);
            return new ChatStats(counted.size(), first, last, perDay, perAuthor);
        });
    }

    @Override
    public List<Message> byAuthor(UserId author, MessageId after, int limit) {
        return transactions.atomically(() -> tables.messages.rows().stream()
                .filter(message -> author.equals(message.author()))
                .filter(message -> after == null || Uuids.ORDER.compare(message.id().value(), after.value()) > 0)
                .sorted(BY_ID)
                .limit(limit)
                .toList());
    }

    private static LocalDate day(Message message) {
        return LocalDate.ofInstant(message.createdAt(), ZoneOffset.UTC);
    }
}
