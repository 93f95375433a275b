package org.dreamdiary.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.dreamdiary.adapter.memory.ChatTables.ChatRow;
import org.dreamdiary.adapter.memory.ChatTables.Key;
import org.dreamdiary.adapter.memory.ChatTables.Membership;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * Chats and their members in memory. Every read is made as a member; the list runs from the latest activity (the
 * latest message, else the creation) down, ties by id in uuid order; members run in joining order, the owner first
 * among those who joined with it. The store's one lock already keeps posts to a chat one after the other, so a
 * reservation only reads.
 */
final class MemoryChats implements Chats {
    private final MemoryTransactions transactions;
    private final ChatTables tables;
    private final MemoryUsers users;

    MemoryChats(MemoryTransactions transactions, ChatTables tables, MemoryUsers users) {
        this.transactions = transactions;
        this.tables = tables;
        this.users = users;
    }

    @Override
    public void add(Chat chat, List<UserId> members, Instant now) {
        List<UserId> everyone = new ArrayList<>();
        everyone.add(chat.owner());
        everyone.addAll(members);
        transactions.atomically(() -> {
            if (tables.chats.contains(chat.id())) {
                throw new IllegalArgumentException("chat " + chat.id() + " exists already");
            }
            if (new HashSet<>(everyone).size() != everyone.size()) {
                throw new IllegalArgumentException("a user would be a member twice");
            }
            if (users.existing(everyone).size() != everyone.size()) {
                throw new IllegalArgumentException("a member is no user");
            }
            tables.chats.put(chat.id(), new ChatRow(chat, 0, null, null));
            everyone.forEach(member -> tables.members.put(new Key(chat.id(), member), new Membership(chat.id(), member, now)));
        });
    }

    @Override
    public Optional<ChatView> asMember(UserId caller, ChatId chat) {
        return transactions.atomically(() -> tables.asMember(caller, chat).map(tables::view));
    }

    @Override
    public Optional<ChatOverview> overview(UserId caller, ChatId chat, int limit) {
        return transactions.atomically(() -> tables.asMember(caller, chat).map(row -> {
            List<Message> newestFirst = new ArrayList<>(tables.messagesOf(chat));
            Collections.reverse(newestFirst);
            return new ChatOverview(tables.view(row), newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        }));
    }

    @Override
    public Page<ChatView> list(UserId caller, ChatQuery query, PageRequest page) {
        Optional<String> wanted = query.titleContains().map(text -> text.toLowerCase(Locale.ROOT));
        Comparator<ChatRow> byActivity = Comparator.comparing(
                (ChatRow row) -> row.lastMessageAt() == null ? row.chat().createdAt() : row.lastMessageAt());
        return transactions.atomically(() -> {
            return Pages.of(tables.chats.rows().stream()
                    .filter(row -> tables.isMember(caller, row.chat().id()))
                    .filter(row -> wanted.map(row.chat().title().value().toLowerCase(Locale.ROOT)::contains).orElse(true))
                    .filter(row -> !query.ownedOnly() || row.chat().owner().equals(caller))
                    .sorted(byActivity.thenComparing(row -> row.chat().id().value(), Uuids.ORDER).reversed()),
                    page, tables::view);
        });
    }

    @Override
    public void update(Chat changed) {
        transactions.atomically(() -> {
            ChatRow stored = tables.chats.get(changed.id())
                    .filter(row -> row.chat().version() == changed.version() - 1)
                    .orElseThrow(() -> new StaleVersionException("the chat"));
            tables.chats.put(changed.id(), stored.with(changed));
        });
    }

    @Override
    public boolean delete(UserId owner, ChatId chat, OptionalLong expectedVersion) {
        return transactions.atomically(() -> {
            boolean deletable = tables.chats.get(chat)
                    .filter(row -> row.chat().owner().equals(owner))
                    .filter(row -> VersionCondition.allows(expectedVersion, row.chat().version()))
                    .isPresent();
            if (deletable) {
                tables.deleteChat(chat);
            }
            return deletable;
        });
    }

    @Override
    public Page<User> members(UserId caller, ChatId chat, PageRequest page) {
        return transactions.atomically(() -> {
            Optional<ChatRow> row = tables.asMember(caller, chat);
            if (row.isEmpty()) {
                return new Page<User>(List.of(), 0, page);
            }
            UserId owner = row.get().chat().owner();
            return Pages.of(tables.membershipsOf(chat).stream()
                    .sorted(Comparator.comparing(Membership::joinedAt)
                            .thenComparing(membership -> !membership.user().equals(owner))
                            .thenComparing(membership -> membership.user().value(), Uuids.ORDER)),
                    page, membership -> users.byId(membership.user()).orElseThrow());
        });
    }

    @Override
    public boolean addMember(ChatId chat, UserId member, Instant now) {
        return transactions.atomically(() -> {
            if (!tables.chats.contains(chat) || users.byId(member).isEmpty()) {
                throw new IllegalArgumentException("no chat " + chat + " or no user " + member);
            }
            if (tables.isMember(member, chat)) {
                return false;
            }
            tables.members.put(new Key(chat, member), new Membership(chat, member, now));
            return true;
        });
    }

    @Override
    public boolean removeMember(ChatId chat, UserId member) {
        return transactions.atomically(() -> tables.members.remove(new Key(chat, member)).isPresent());
    }

    @Override
    public Optional<Slot> reserveMessage(UserId caller, ChatId chat) {
        return transactions.atomically(() -> tables.asMember(caller, chat).map(row -> new Slot(row.lastMessageId())));
    }

    @Override
    public Optional<Slots> reserveMessages(ChatId chat, Set<UserId> posters) {
        return transactions.atomically(() -> tables.chats.get(chat)
                .map(row -> new Slots(row.lastMessageId(), posters.stream()
                        .filter(poster -> tables.isMember(poster, chat)).collect(Collectors.toSet())))
                .filter(slots -> !slots.members().isEmpty()));
    }
}
