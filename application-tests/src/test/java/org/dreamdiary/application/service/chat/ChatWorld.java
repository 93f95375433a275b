package org.dreamdiary.application.service.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.service.chat.ChatFakes.ChatIds;
import org.dreamdiary.application.service.chat.ChatFakes.ChatTransactions;
import org.dreamdiary.application.service.chat.ChatFakes.InMemoryChats;
import org.dreamdiary.application.service.chat.ChatFakes.InMemoryMessages;
import org.dreamdiary.application.service.chat.ChatFakes.RecordingChatEvents;
import org.dreamdiary.application.service.planning.PlanningFakes.SettableClock;
import org.dreamdiary.application.service.user.Fakes.InMemoryUsers;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;

/**
 * The chat use cases and this node's live subscribers wired to one shared set of fakes, as the composition root
 * wires them to the real adapters: what a use case publishes reaches the watchers once its transaction commits.
 * Alice, Bob, Carol and Dave have accounts; the chats are made by the tests.
 */
final class ChatWorld {
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
    final ChatIds ids = new ChatIds();
    final ChatTransactions transactions = new ChatTransactions();
    final InMemoryUsers users = transactions.register(new InMemoryUsers(transactions));
    final InMemoryChats chats = transactions.register(new InMemoryChats(transactions, users));
    final InMemoryMessages messages = transactions.register(new InMemoryMessages(transactions, chats));
    final RecordingChatEvents events = transactions.register(new RecordingChatEvents(transactions));

    final ChatService chatService = new ChatService(chats, users, events, transactions, clock, ids);
    final MessageService messageService = new MessageService(chats, messages, events, transactions, clock, ids);
    final LiveChatService live = new LiveChatService(chats, events, SOCKETS_PER_USER);

    ChatWorld() {
        chats.cascadeDeletesTo(messages::forgetChat);
        chats.readsMessagesFrom(messages::newestFirst);
        transactions.inTransaction(() -> {
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

    List<ChatEvent.Kind> publishedKinds() {
        return events.published().stream().map(ChatEvent::kind).toList();
    }

    User account(UserId id) {
        return users.byId(id).orElseThrow();
    }

    private void register(UserId id, String username) {
        users.add(User.register(id, new Username(username), "hash", null, null, null, START));
    }

    private static UserId user(String hex) {
        return new UserId(UUID.fromString("00000000-0000-7000-a000-" + "0".repeat(12 - hex.length()) + hex));
    }
}
