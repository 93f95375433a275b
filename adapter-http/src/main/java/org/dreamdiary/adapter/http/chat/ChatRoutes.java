package org.dreamdiary.adapter.http.chat;

import static org.dreamdiary.adapter.http.json.FieldTypes.list;
import static org.dreamdiary.adapter.http.json.FieldTypes.text;
import static org.dreamdiary.adapter.http.json.FieldTypes.uuid;

import io.javalin.http.Context;
import java.util.List;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.chat.ChatResources.ChatResource;
import org.dreamdiary.adapter.http.chat.ChatResources.ChatWithMessages;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.profile.UserProfiles.PublicProfile;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.chat.AddChatMember;
import org.dreamdiary.application.port.in.chat.CreateChat;
import org.dreamdiary.application.port.in.chat.DeleteChat;
import org.dreamdiary.application.port.in.chat.GetChat;
import org.dreamdiary.application.port.in.chat.ListChatMembers;
import org.dreamdiary.application.port.in.chat.ListChats;
import org.dreamdiary.application.port.in.chat.RemoveChatMember;
import org.dreamdiary.application.port.in.chat.RenameChat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.user.UserId;

/** {@code /api/v1/chats}: chats and their members. */
public final class ChatRoutes implements RouteGroup {
    private static final FieldType<ChatTitle> TITLE = text(1, ChatTitle.MAX_LENGTH).then(ChatTitle::new);
    private static final FieldType<List<UserId>> MEMBER_IDS = list(uuid().then(UserId::new), 100);

    private final CreateChat createChat;
    private final ListChats listChats;
    private final GetChat getChat;
    private final RenameChat renameChat;
    private final DeleteChat deleteChat;
    private final ListChatMembers listMembers;
    private final AddChatMember addMember;
    private final RemoveChatMember removeMember;
    private final Authentication authentication;

    public ChatRoutes(CreateChat createChat, ListChats listChats, GetChat getChat, RenameChat renameChat,
                      DeleteChat deleteChat, ListChatMembers listMembers, AddChatMember addMember,
                      RemoveChatMember removeMember, Authentication authentication) {
        this.createChat = createChat;
        this.listChats = listChats;
        this.getChat = getChat;
        this.renameChat = renameChat;
        this.deleteChat = deleteChat;
        this.listMembers = listMembers;
        this.addMember = addMember;
        this.removeMember = removeMember;
        this.authentication = authentication;
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/chats", this::create);
        router.get("/api/v1/chats", this::page);
        router.get("/api/v1/chats/{id}", this::overview);
        router.patch("/api/v1/chats/{id}", this::rename);
        router.delete("/api/v1/chats/{id}", this::delete);
        router.get("/api/v1/chats/{id}/members", this::members);
        router.post("/api/v1/chats/{id}/members", this::addMember);
        router.delete("/api/v1/chats/{id}/members/{user_id}", this::removeMember);
    }

    private void create(Context ctx) {
        UserId caller = caller(ctx);
        JsonFields in = JsonBody.fields(ctx);
        ChatTitle title = in.required("title", TITLE);
        List<UserId> members = in.optional("member_ids", MEMBER_IDS).orElse(List.of());
        in.validate();
        ChatResource created = ChatResource.of(createChat.create(caller, title, members));
        Respond.created(ctx, created.links().self(), created);
    }

    private void page(Context ctx) {
        UserId caller = caller(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        var filter = new ChatQuery(query.text("q", ChatTitle.MAX_LENGTH), false);
        query.validate();
        Paging.respond(ctx, listChats.list(caller, filter, page), ChatResource::of);
    }

    private void overview(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        QueryParams query = new QueryParams(ctx);
        int limit = query.integer("limit", GetChat.DEFAULT_LIMIT, 1, MessageCursor.MAX_LIMIT);
        query.validate();
        ChatOverview overview = getChat.overview(caller, chat, limit);
        // the chat's version, and a digest of the whole body: a new message changes the tag, not the version
        Conditional.respond(ctx, overview.chat().chat().version(), ChatWithMessages.of(overview));
    }

    private void rename(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        JsonFields in = JsonBody.fields(ctx);
        Change<ChatTitle> title = in.settable("title", TITLE);
        in.validate();
        ChatView renamed = renameChat.rename(caller, chat, title, Conditional.ifMatch(ctx));
        // the tag of this body, the chat without its messages: good for If-Match, never a 304 of the GET
        Conditional.respondChanged(ctx, renamed.chat().version(), ChatResource.of(renamed));
    }

    private void delete(Context ctx) {
        deleteChat.delete(caller(ctx), PathIds.chat(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    private void members(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        query.validate();
        Paging.respond(ctx, listMembers.members(caller, chat, page), PublicProfile::of);
    }

    private void addMember(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        JsonFields in = JsonBody.fields(ctx);
        UserId member = in.required("user_id", uuid().then(UserId::new));
        in.validate();
        // the member's profile lives under /users: no Location for a membership
        Respond.json(ctx, 201, PublicProfile.of(addMember.add(caller, chat, member)));
    }

    private void removeMember(Context ctx) {
        UserId caller = caller(ctx);
        ChatId chat = PathIds.chat(ctx);
        UserId member = PathIds.member(ctx);
        removeMember.remove(caller, chat, member);
        Respond.noContent(ctx);
    }

    private UserId caller(Context ctx) {
        return authentication.require(ctx).user();
    }
}
