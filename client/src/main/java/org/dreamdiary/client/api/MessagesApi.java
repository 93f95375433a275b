package org.dreamdiary.client.api;

import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Message;
import org.dreamdiary.client.model.MessageCursor;
import org.dreamdiary.client.model.MessagePage;
import org.dreamdiary.client.model.MessageText;

/**
 * The messages of chats. They page by cursor, not by page number, since new ones arrive while a client pages:
 * {@link #list} reads one page from a {@link MessageCursor}; {@link #older} and {@link #newer} stream every message
 * one way from a position, following each page's {@code next} link. Only the author edits a message; the author or
 * the chat's owner deletes it.
 */
public final class MessagesApi {
    private static final String MESSAGES = Paths.API + "/messages";
    private static final Body<Message> MESSAGE = Body.json(Message.class);
    private static final Body<MessagePage> PAGE = Body.json(MessagePage.class);

    private final Transport transport;

    public MessagesApi(Transport transport) {
        this.transport = transport;
    }

    /** Posts a message (1–5000 characters) to the chat. */
    @OperationId("postMessage")
    public Call<Message> post(UUID chatId, String text) {
        return transport.call(Request.post(Paths.of(ChatsApi.CHATS, chatId, "messages"), new MessageText(text)),
                MESSAGE);
    }

    /** One page of the chat's messages from the cursor, in the order the cursor runs. */
    @OperationId("listMessages")
    public Call<MessagePage> list(UUID chatId, MessageCursor cursor) {
        return transport.call(page(chatId, cursor), PAGE);
    }

    /**
     * Every message of the chat from the cursor on, the way it runs (newest first for {@code latest} and
     * {@code olderThan}, oldest first for {@code newerThan}), a page of the cursor's limit at a time as the stream is
     * read. A stream of newer messages ends at the newest there was when its last page was read.
     */
    @OperationId("listMessages")
    public Stream<Message> all(UUID chatId, MessageCursor cursor) {
        return transport.stream(page(chatId, cursor), PAGE, MessagePage::items);
    }

    /** The chat's messages older than {@code before}, or all of them when it is {@code null}: newest first. */
    @OperationId("listMessages")
    public Stream<Message> older(UUID chatId, UUID before) {
        return all(chatId, before == null ? MessageCursor.latest() : MessageCursor.olderThan(before));
    }

    /** The chat's messages newer than {@code after}, oldest first: what a client missed since that message. */
    @OperationId("listMessages")
    public Stream<Message> newer(UUID chatId, UUID after) {
        return all(chatId, MessageCursor.newerThan(Objects.requireNonNull(after, "after")));
    }

    @OperationId("getMessage")
    public Call<Message> get(UUID id) {
        return transport.call(Request.get(Paths.of(MESSAGES, id)), MESSAGE);
    }

    /** Sets the message's text (author only; sets {@code editedAt}), provided it is as this client last saw it. */
    @OperationId("updateMessage")
    public Call<Message> update(UUID id, String text) {
        String message = Paths.of(MESSAGES, id);
        return transport.call(Request.patch(message, new MessageText(text)).ifUnchanged(message, MESSAGE), MESSAGE);
    }

    /** Deletes the message (its author or the chat's owner), provided it is still as this client last saw it. */
    @OperationId("deleteMessage")
    public Call<Void> delete(UUID id) {
        String message = Paths.of(MESSAGES, id);
        return transport.call(Request.delete(message).ifUnchanged(message, MESSAGE), Body.none());
    }

    private static Request page(UUID chatId, MessageCursor cursor) {
        return Request.get(Paths.of(ChatsApi.CHATS, chatId, "messages"))
                .query("before", cursor.before())
                .query("after", cursor.after())
                .query("limit", cursor.limit());
    }
}
