package org.dreamdiary.application.service.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/** What the user use cases need of chats: who is in which chat, and the events published about them. */
final class ChatFakes {
    private ChatFakes() {
    }

    /** Chats and their members, listable as a member; nothing else of {@link Chats} is needed here. */
    static final class Memberships implements Chats {
        private final Map<ChatId, Set<UserId>> members = new LinkedHashMap<>();
        private final Map<ChatId, Chat> chats = new LinkedHashMap<>();

        ChatId chat(UserId owner, UserId... others) {
            Chat chat = Chat.create(new ChatId(UUID.randomUUID()), owner, new ChatTitle("chat " + (chats.size() + 1)),
                    Instant.parse("2024-06-01T10:00:00.000Z"));
            chats.put(chat.id(), chat);
            Set<UserId> everyone = new LinkedHashSet<>(List.of(others));
            everyone.add(owner);
            members.put(chat.id(), everyone);
            return chat.id();
        }

        @Override
        public Page<ChatView> list(UserId caller, ChatQuery query, PageRequest page) {
            List<ChatView> mine = chats.values().stream().filter(chat -> members.get(chat.id()).contains(caller))
                    .filter(chat -> !query.ownedOnly() || chat.owner().equals(caller))
                    .map(chat -> new ChatView(chat, members.get(chat.id()).size(), 0, null)).toList();
            int from = (int) Math.min(page.offset(), mine.size());
            return new Page<>(mine.subList(from, Math.min(from + page.perPage(), mine.size())), mine.size(), page);
        }

        @Override
        public void add(Chat chat, List<UserId> others, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ChatView> asMember(UserId caller, ChatId chat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Chat changed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(UserId owner, ChatId chat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<User> members(UserId caller, ChatId chat, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean addMember(ChatId chat, UserId member, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeMember(ChatId chat, UserId member) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Slot> reserveMessage(UserId caller, ChatId chat) {
            throw new UnsupportedOperationException();
        }
    }

    /** Keeps what was published, and tells the transactions about it as about a write. */
    static final class RecordingEvents implements ChatEvents {
        final List<ChatEvent> published = new ArrayList<>();
        private final RecordingTransactions transactions;

        RecordingEvents(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public void publish(ChatEvent event) {
            transactions.writing("chat event " + event.kind());
            published.add(event);
        }

        @Override
        public void subscribe(Consumer<ChatEvent> listener) {
            throw new UnsupportedOperationException();
        }
    }
}
