package org.dreamdiary.client.api;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Chat;
import org.dreamdiary.client.model.ChatChanges;
import org.dreamdiary.client.model.ChatQuery;
import org.dreamdiary.client.model.ChatStats;
import org.dreamdiary.client.model.ChatWithMessages;
import org.dreamdiary.client.model.NewChat;
import org.dreamdiary.client.model.Page;

/**
 * Chats: conversations among members, owned by the user who started them. Their members are in {@link MembersApi},
 * their messages in {@link MessagesApi}. A chat that is not the caller's (not a member of it) is a
 * {@code NotFoundException}; an owner-only change by another member a {@code ForbiddenException}.
 */
public final class ChatsApi {
    static final String CHATS = Paths.API + "/chats";
    private static final Body<Chat> CHAT = Body.json(Chat.class);
    private static final Body<ChatWithMessages> WITH_MESSAGES = Body.json(ChatWithMessages.class);

    private final Transport transport;
    private final MessagesApi messages;
    private final Set<LiveChat> live = new HashSet<>();

    public ChatsApi(Transport transport, MessagesApi messages) {
        this.transport = transport;
        this.messages = messages;
    }

    /** Starts a chat, with the caller as its owner and first member. */
    @OperationId("createChat")
    public Call<Chat> create(NewChat chat) {
        return transport.call(Request.post(CHATS, chat), CHAT);
    }

    /** One page of the caller's chats the query selects, most recent activity first. */
    @OperationId("listChats")
    public Call<Page<Chat>> list(ChatQuery query) {
        return transport.call(listing(query), Body.page(Chat.class));
    }

    /** Every chat of the caller's the query selects, from its page on, fetched a page at a time as it is read. */
    @OperationId("listChats")
    public Stream<Chat> all(ChatQuery query) {
        return transport.stream(listing(query), Body.page(Chat.class), Page::items);
    }

    /** The chat with its latest 20 messages, newest first. */
    @OperationId("getChat")
    public Call<ChatWithMessages> get(UUID id) {
        return reading(id, null);
    }

    /** The chat with its latest {@code limit} (1–100) messages, newest first. */
    @OperationId("getChat")
    public Call<ChatWithMessages> get(UUID id, int limit) {
        return reading(id, limit);
    }

    /**
     * Renames the chat (owner only), provided its title is still as this client last read or wrote it
     * ({@code If-Match}; messages posted meanwhile do not make it stale). A stale one is a
     * {@code PreconditionFailedException} whose {@code current(ChatWithMessages.class)} is the chat as it is now.
     */
    @OperationId("updateChat")
    public Call<Chat> update(UUID id, ChatChanges changes) {
        String chat = Paths.of(CHATS, id);
        return transport.call(Request.patch(chat, changes).ifUnchanged(chat, WITH_MESSAGES), CHAT);
    }

    /**
     * Deletes the chat (owner only) with its messages and memberships, provided it is still as this client last saw
     * it; a stale one is a {@code PreconditionFailedException} holding the current {@link ChatWithMessages}.
     */
    @OperationId("deleteChat")
    public Call<Void> delete(UUID id) {
        String chat = Paths.of(CHATS, id);
        return transport.call(Request.delete(chat).ifUnchanged(chat, WITH_MESSAGES), Body.none());
    }

    /**
     * Counts of the chat's messages posted from the UTC day {@code from} to the day {@code to}, both included; a
     * {@code null} bound leaves that side open.
     */
    @OperationId("getChatStats")
    public Call<ChatStats> stats(UUID id, LocalDate from, LocalDate to) {
        return transport.call(Request.get(Paths.of(CHATS, id, "stats")).query("from", from).query("to", to),
                Body.json(ChatStats.class));
    }

    /** Stops every live chat this client opened. */
    /**
     * Opens the chat's live socket and hands its events to {@code listener} until the returned {@link LiveChat} is
     * closed (or the chat ends for the user). It reconnects by itself after any drop and catches up with the messages
     * it missed, so each new message reaches the listener once, in order.
     */
    @OperationId("subscribeToChat")
    public LiveChat live(UUID chatId, ChatListener listener) {
        return live(chatId, null, listener);
    }

    /**
     * As {@link #live(UUID, ChatListener)}, first delivering the messages newer than {@code newestSeen}: to resume
     * where an earlier live chat (or a read of the messages) left off.
     */
    @OperationId("subscribeToChat")
    public LiveChat live(UUID chatId, UUID newestSeen, ChatListener listener) {
        LiveChat[] opened = new LiveChat[1];
        synchronized (live) {
            opened[0] = new LiveChat(transport, messages, chatId, newestSeen, listener, () -> {
                synchronized (live) {
                    live.remove(opened[0]);
                }
            });
            live.add(opened[0]);
        }
        return opened[0];
    }

    /** Closes every live chat this group opened. */
    public void closeAll() {
        List<LiveChat> open;
        synchronized (live) {
            open = List.copyOf(live);
        }
        open.forEach(LiveChat::close);
    }

    private Call<ChatWithMessages> reading(UUID id, Integer limit) {
        return transport.call(Request.get(Paths.of(CHATS, id)).query("limit", limit), WITH_MESSAGES);
    }

    private static Request listing(ChatQuery query) {
        return Paths.paged(Request.get(CHATS).query("q", query.q()), query.page());
    }
}
