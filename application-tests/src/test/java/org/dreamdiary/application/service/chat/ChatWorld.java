package org.dreamdiary.application.service.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.adapter.memory.MemoryStorage;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.application.service.Heard;
import org.dreamdiary.application.service.SequentialIds;
import org.dreamdiary.application.service.SettableClock;
import org.dreamdiary.application.service.WatchedTransactions;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;

/**
 * The chat use cases and this node's live subscribers wired to one memory store, as the composition root wires them
 * to the storage it selects: what a use case publishes reaches the watchers once its transaction commits, on the
 * store's delivery thread. The use cases reach the store through {@link #transactions}, which watches them; the
 * tests read through the store's own ports. Alice, Bob, Carol and Dave have accounts; the chats are made by the tests.
 */
final class ChatWorld implements AutoCloseable {
    static final Instant START = Instant.parse("2024-06-01T10:00:00.000Z");
    static final PageRequest ALL = new PageRequest(1, PageRequest.MAX_PER_PAGE);
    static final int SOCKETS_PER_USER = 3;
    static final UserId ALICE = user("a11ce");
    static final UserId BOB = user("b0b");
    static final UserId CAROL = user("ca401");
    static final UserId DAVE = user("da4e");
    /** An id no account has. */
    static final UserId NOBODY = user("0");

    final SettableClock clock = new SettableClock(START);
    final SequentialIds ids = new SequentialIds();
    final MemoryStorage storage = new MemoryStorage();
    final WatchedTransactions transactions = new WatchedTransactions(storage.transactions());
    /** The chat events as this node's subscribers hear them. */
    final Heard<ChatEvent> events = Heard.chatEvents(storage.chatEvents());

    private final Chats chats = transactions.watch(Chats.class, storage.chats());
    private final Messages messages = transactions.watch(Messages.class, storage.messages());
    private final ChatEvents chatEvents = transactions.watch(ChatEvents.class, storage.chatEvents());

    final ChatService chatService = new ChatService(chats, transactions.watch(Users.class, storage.users()),
            chatEvents, transactions, clock, ids);
    final MessageService messageService = new MessageService(chats, messages, chatEvents, transactions, clock, ids);
    final LiveChatService live = new LiveChatService(chats, chatEvents, SOCKETS_PER_USER);

    ChatWorld() {
        storage.transactions().inTransaction(() -> {
            register(ALICE, "alice");
            register(BOB, "bob");
            register(CAROL, "carol");
            register(DAVE, "dave");
            return null;
        });
    }

    ChatView chat(UserId owner, String title, UserId... members) {
        return chatService.create(owner, new ChatTitle(title), List.of(members));
    }

    /** Alice's chat with Bob and Carol. */
    ChatId team() {
        return chat(ALICE, "Team", BOB, CAROL).chat().id();
    }

    Message say(UserId author, ChatId chat, String text) {
        return messageService.send(author, chat, new MessageText(text));
    }

    User account(UserId id) {
        return storage.users().byId(id).orElseThrow();
    }

    /** The chats {@code member} sees, as the store holds them. */
    long chatsOf(UserId member) {
        return storage.chats().list(member, ChatQuery.all(), ALL).totalItems();
    }

    /** An event another node published, once this node's subscribers have heard it. */
    void heardFromElsewhere(ChatEvent event) {
        storage.chatEvents().publish(event);
        events.settle();
    }

    private void register(UserId id, String username) {
        storage.users().add(User.register(id, new Username(username), "hash", null, null, null, START));
    }

    private static UserId user(String hex) {
        return new UserId(UUID.fromString("00000000-0000-7000-a000-" + "0".repeat(12 - hex.length()) + hex));
    }

    @Override
    public void close() {
        storage.close();
    }
}
