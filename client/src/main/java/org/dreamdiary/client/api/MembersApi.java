package org.dreamdiary.client.api;

import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.NewMember;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.PageRequest;
import org.dreamdiary.client.model.User;

/**
 * The members of a chat, as public profiles ({@link User} without email and phone number). The owner adds and
 * removes members; any member may leave by removing itself, except the owner.
 */
public final class MembersApi {
    private final Transport transport;

    public MembersApi(Transport transport) {
        this.transport = transport;
    }

    /** One page of the chat's members in the order they joined, the owner first. */
    @OperationId("listChatMembers")
    public Call<Page<User>> list(UUID chatId, PageRequest page) {
        return transport.call(listing(chatId, page), Body.page(User.class));
    }

    /** Every member of the chat from {@code page} on, fetched a page at a time as the stream is read. */
    @OperationId("listChatMembers")
    public Stream<User> all(UUID chatId, PageRequest page) {
        return transport.stream(listing(chatId, page), Body.page(User.class), Page::items);
    }

    /**
     * Adds an existing user to the chat (owner only) and answers the new member's public profile; one who is a
     * member already is a {@code ConflictException}.
     */
    @OperationId("addChatMember")
    public Call<User> add(UUID chatId, UUID userId) {
        return transport.call(Request.post(members(chatId), new NewMember(userId)), Body.json(User.class));
    }

    /**
     * Removes a member: the owner removes anyone else, a member only itself (leaving). The owner cannot leave (a
     * {@code ConflictException}: delete the chat instead).
     */
    @OperationId("removeChatMember")
    public Call<Void> remove(UUID chatId, UUID userId) {
        return transport.call(Request.delete(members(chatId) + "/" + userId), Body.none());
    }

    private static String members(UUID chatId) {
        return Paths.of(ChatsApi.CHATS, chatId, "members");
    }

    private static Request listing(UUID chatId, PageRequest page) {
        return Paths.paged(Request.get(members(chatId)), page);
    }
}
