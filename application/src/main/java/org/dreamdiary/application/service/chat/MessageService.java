package org.dreamdiary.application.service.chat;

import java.time.LocalDate;
import java.util.Optional;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.port.in.chat.ChatStatistics;
import org.dreamdiary.application.port.in.chat.DeleteMessage;
import org.dreamdiary.application.port.in.chat.EditMessage;
import org.dreamdiary.application.port.in.chat.GetMessage;
import org.dreamdiary.application.port.in.chat.ListMessages;
import org.dreamdiary.application.port.in.chat.SendMessage;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.chat.Messages.Visible;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatRole;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.UserId;

/** Messages of chats; each change is one transaction whose event reaches live subscribers once it commits. */
public final class MessageService implements SendMessage, ListMessages, GetMessage, EditMessage, DeleteMessage,
        ChatStatistics {
    private final Chats chats;
    private final Messages messages;
    private final ChatEvents events;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public MessageService(Chats chats, Messages messages, ChatEvents events, Transactions transactions, Clock clock,
                          Ids ids) {
        this.chats = chats;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Message send(UserId caller, ChatId chat, MessageText text) {
        return transactions.inTransaction(() -> {
            var now = clock.now();
            Slot slot = chats.reserveMessage(caller, chat).orElseThrow(() -> new NotFoundException("chat"));
            var highest = slot.highestGiven() == null ? null : slot.highestGiven().value();
            Message message = Message.post(new MessageId(MessageIds.following(highest, ids.next())), chat, caller, text, now);
            messages.add(message);
            events.publish(ChatEvent.created(message));
            return message;
        });
    }

    @Override
    public MessageSlice list(UserId caller, ChatId chat, MessageCursor cursor) {
        return transactions.inTransaction(() -> {
            chats.asMember(caller, chat).orElseThrow(() -> new NotFoundException("chat"));
            return messages.slice(caller, chat, cursor);
        });
    }

    @Override
    public Message message(UserId caller, MessageId id) {
        return visible(caller, id, Precondition.none()).message();
    }

    @Override
    public Message edit(UserId caller, MessageId id, Change<MessageText> text, Precondition<Message> precondition) {
        return transactions.inTransaction(() -> {
            Visible current = visible(caller, id, precondition);
            role(caller, current).requireMayEdit(caller, current.message().author());
            precondition.check(current::message, "message");
            if (!text.isPresent()) {
                return current.message();
            }
            // the update requires the version just checked
            Message edited = current.message().edit(text.orElse(null), clock.now());
            messages.update(edited);
            events.publish(ChatEvent.updated(edited));
            return edited;
        });
    }

    @Override
    public void delete(UserId caller, MessageId id, Precondition<Message> precondition) {
        transactions.inTransaction(() -> {
            Visible current = visible(caller, id, precondition);
            role(caller, current).requireMayDelete(caller, current.message().author());
            precondition.check(current::message, "message");
            ChatId chat = current.message().chat();
            if (!messages.delete(chat, id, precondition.versionToFind(current.message().version()))) {
                throw precondition.gone("message");
            }
            events.publish(ChatEvent.deleted(chat, id));
            return null;
        });
    }

    @Override
    public ChatStats stats(UserId caller, ChatId chat, Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ValidationException.of("from", "must not be after to");
        }
        return transactions.inTransaction(() -> {
            chats.asMember(caller, chat).orElseThrow(() -> new NotFoundException("chat"));
            return messages.stats(caller, chat, from.orElse(null), to.orElse(null));
        });
    }

    private Visible visible(UserId caller, MessageId id, Precondition<Message> precondition) {
        return messages.byId(caller, id).orElseThrow(() -> precondition.gone("message"));
    }

    private static ChatRole role(UserId caller, Visible visible) {
        return caller.equals(visible.chatOwner()) ? ChatRole.OWNER : ChatRole.MEMBER;
    }
}
