package org.dreamdiary.application.service.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.chat.AddChatMember;
import org.dreamdiary.application.port.in.chat.CreateChat;
import org.dreamdiary.application.port.in.chat.DeleteChat;
import org.dreamdiary.application.port.in.chat.GetChat;
import org.dreamdiary.application.port.in.chat.ListChatMembers;
import org.dreamdiary.application.port.in.chat.ListChats;
import org.dreamdiary.application.port.in.chat.RemoveChatMember;
import org.dreamdiary.application.port.in.chat.RenameChat;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatRole;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/** Chats and their members; each change runs as one transaction and publishes what others must see live. */
public final class ChatService implements CreateChat, ListChats, GetChat, RenameChat, DeleteChat, ListChatMembers,
        AddChatMember, RemoveChatMember {
    private final Chats chats;
    private final Users users;
    private final ChatEvents events;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public ChatService(Chats chats, Users users, ChatEvents events, Transactions transactions, Clock clock, Ids ids) {
        this.chats = chats;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public ChatView create(UserId caller, ChatTitle title, List<UserId> members) {
        return transactions.inTransaction(() -> {
            List<UserId> others = otherExistingUsers(caller, members);
            Chat chat = Chat.create(new ChatId(ids.next()), caller, title, clock.now());
            chats.add(chat, others, chat.createdAt());
            return new ChatView(chat, 1 + others.size(), 0, null);
        });
    }

    @Override
    public Page<ChatView> list(UserId caller, ChatQuery query, PageRequest page) {
        return chats.list(caller, query, page);
    }

    @Override
    public ChatOverview overview(UserId caller, ChatId chat, int limit) {
        // one statement, so no transaction: it reads the chat and its messages as of one moment by itself
        return chats.overview(caller, chat, MessageCursor.checkedLimit(limit))
                .orElseThrow(() -> new NotFoundException("chat"));
    }

    @Override
    public ChatView rename(UserId caller, ChatId chat, Change<ChatTitle> title, ExpectedVersion expected) {
        return transactions.inTransaction(() -> {
            ChatView current = expected.checked(asOwner(caller, chat), view -> view.chat().version(), "chat");
            // the update requires the version just checked
            Chat renamed = current.chat().retitle(title.orElse(current.chat().title()), clock.now());
            chats.update(renamed);
            return new ChatView(renamed, current.memberCount(), current.messageCount(), current.lastMessageAt());
        });
    }

    @Override
    public void delete(UserId caller, ChatId chat, ExpectedVersion expected) {
        transactions.inTransaction(() -> {
            // the delete itself requires the owner and the expected version: the chat is read only when it deletes
            // nothing, to tell why (not a member, not the owner, another version)
            OptionalLong version = expected.versionToFind(() -> asOwner(caller, chat), view -> view.chat().version(),
                    "chat");
            if (!chats.delete(caller, chat, version)) {
                throw expected.missed(asOwner(caller, chat), "chat");
            }
            events.publish(ChatEvent.chatDeleted(chat));
            return null;
        });
    }

    @Override
    public Page<User> members(UserId caller, ChatId chat, PageRequest page) {
        Page<User> members = chats.members(caller, chat, page);
        // every chat has its owner as a member, so no members at all means the caller is not one
        if (members.totalItems() == 0) {
            throw new NotFoundException("chat");
        }
        return members;
    }

    @Override
    public User add(UserId caller, ChatId chat, UserId member) {
        return transactions.inTransaction(() -> {
            roleOf(caller, member(caller, chat)).requireOwner();
            User user = users.byId(member).orElseThrow(() -> ValidationException.of("user_id", "names no user"));
            if (!chats.addMember(chat, member, clock.now())) {
                throw new ConflictException("the user already is a member of the chat");
            }
            return user;
        });
    }

    @Override
    public void remove(UserId caller, ChatId chat, UserId member) {
        transactions.inTransaction(() -> {
            ChatView current = member(caller, chat);
            roleOf(caller, current).requireMayRemove(caller, member, current.chat().owner());
            if (!chats.removeMember(chat, member)) {
                throw new NotFoundException("member");
            }
            events.publish(ChatEvent.memberRemoved(chat, member));
            return null;
        });
    }

    /**
     * The chat, for a change only its owner may make: empty when the caller is not a member (it cannot know of it),
     * forbidden when a member but not the owner.
     */
    private Optional<ChatView> asOwner(UserId caller, ChatId chat) {
        Optional<ChatView> current = chats.asMember(caller, chat);
        current.ifPresent(view -> roleOf(caller, view).requireOwner());
        return current;
    }

    private ChatView member(UserId caller, ChatId chat) {
        return chats.asMember(caller, chat).orElseThrow(() -> new NotFoundException("chat"));
    }

    private static ChatRole roleOf(UserId caller, ChatView view) {
        return view.chat().roleOf(caller, true);
    }

    /** The requested members but the caller, each an existing user named once; else a 422 on {@code member_ids}. */
    private List<UserId> otherExistingUsers(UserId caller, List<UserId> requested) {
        Set<UserId> distinct = new HashSet<>(requested);
        if (distinct.size() != requested.size()) {
            throw ValidationException.of("member_ids", "must not repeat a user");
        }
        Set<UserId> found = users.existing(distinct);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!found.contains(requested.get(i))) {
                errors.add(new FieldError("member_ids", "item " + i + " names no user"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Set<UserId> others = new LinkedHashSet<>(requested);
        others.remove(caller);
        return List.copyOf(others);
    }
}
