package org.dreamdiary.adapter.http.chat;

import static org.dreamdiary.adapter.http.json.FieldTypes.text;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.chat.ChatResources.ChatStatsResource;
import org.dreamdiary.adapter.http.chat.ChatResources.MessagePage;
import org.dreamdiary.adapter.http.chat.ChatResources.MessageResource;
import org.dreamdiary.adapter.http.chat.ChatResources.PageLinks;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.port.in.chat.ChatStatistics;
import org.dreamdiary.application.port.in.chat.DeleteMessage;
import org.dreamdiary.application.port.in.chat.EditMessage;
import org.dreamdiary.application.port.in.chat.GetMessage;
import org.dreamdiary.application.port.in.chat.ListMessages;
import org.dreamdiary.application.port.in.chat.SendMessage;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.UserId;

/** Messages: posted and paged under their chat, read, edited and deleted under {@code /api/v1/messages}. */
public final class MessageRoutes implements RouteGroup {
    private static final FieldType<MessageText> TEXT = text(1, MessageText.MAX_LENGTH).then(MessageText::new);

    private final SendMessage sendMessage;
    private final ListMessages listMessages;
    private final GetMessage getMessage;
    private final EditMessage editMessage;
    private final DeleteMessage deleteMessage;
    private final ChatStatistics statistics;
    private final Authentication authentication;

    public MessageRoutes(SendMessage sendMessage, ListMessages listMessages, GetMessage getMessage, EditMessage editMessage,
                         DeleteMessage deleteMessage, ChatStatistics statistics, Authentication authentication) {
        this.sendMessage = sendMessage;
        this.listMessages = listMessages;
        this.getMessage = getMessage;
        this.editMessage = editMessage;
        this.deleteMessage = deleteMessage;
        this.statistics = statistics;
        this.authentication = authentication;
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/chats/{id}/messages", this::send);
        router.get("/api/v1/chats/{id}/messages", this::page);
        router.get("/api/v1/chats/{id}/stats", this::stats);
        router.get("/api/v1/messages/{id}", this::message);
        router.patch("/api/v1/messages/{id}", this::edit);
        router.delete("/api/v1/messages/{id}", this::delete);
    }

    private void send(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        JsonFields in = JsonBody.fields(ctx);
        MessageText text = in.required("text", TEXT);
        in.validate();
        MessageResource sent = MessageResource.of(sendMessage.send(caller, chat, text));
        Respond.created(ctx, sent.links().self(), sent);
    }

    private void page(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        QueryParams query = new QueryParams(ctx);
        int limit = query.integer("limit", ListMessages.DEFAULT_LIMIT, 1, MessageCursor.MAX_LIMIT);
        Optional<UUID> before = query.uuid("before");
        Optional<UUID> after = query.uuid("after");
        query.validate();
        if (before.isPresent() && after.isPresent()) {
            throw ValidationException.of("after", "cannot be used together with before");
        }
        MessageCursor cursor = before.map(id -> MessageCursor.before(new MessageId(id), limit))
                .or(() -> after.map(id -> MessageCursor.after(new MessageId(id), limit)))
                .orElseGet(() -> MessageCursor.latest(limit));
        MessageSlice slice = listMessages.list(caller, chat, cursor);
        String next = slice.next().map(following -> link(ctx, following)).orElse(null);
        if (next != null) {
            ctx.header("Link", "<" + next + ">; rel=\"next\"");
        }
        Respond.json(ctx, 200, new MessagePage(slice.items().stream().map(MessageResource::of).toList(),
                new PageLinks(link(ctx, cursor), next)));
    }

    private void stats(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        QueryParams query = new QueryParams(ctx);
        Optional<LocalDate> from = query.date("from");
        Optional<LocalDate> to = query.date("to");
        query.validate();
        Respond.json(ctx, 200, ChatStatsResource.of(statistics.stats(caller, chat, from, to)));
    }

    private void edit(Context ctx) {
        UserId caller = caller(ctx);
        JsonFields in = JsonBody.fields(ctx);
        Change<MessageText> text = in.settable("text", TEXT);
        in.validate();
        Message edited = editMessage.edit(caller, PathIds.message(ctx), text, Conditional.ifMatch(ctx));
        Conditional.respondChanged(ctx, edited.version(), MessageResource.of(edited));
    }

    private void message(Context ctx) {
        Message message = getMessage.message(caller(ctx), PathIds.message(ctx));
        Conditional.respond(ctx, message.version(), MessageResource.of(message));
    }

    private void delete(Context ctx) {
        deleteMessage.delete(caller(ctx), PathIds.message(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    /** The URL of the page {@code cursor} reads, under the chat of this request. */
    private static String link(Context ctx, MessageCursor cursor) {
        String base = ctx.path() + "?limit=" + cursor.limit();
        return switch (cursor.direction()) {
            case LATEST -> base;
            case BEFORE -> base + "&before=" + cursor.from();
            case AFTER -> base + "&after=" + cursor.from();
        };
    }

    private UserId caller(Context ctx) {
        return authentication.require(ctx).user();
    }
}
