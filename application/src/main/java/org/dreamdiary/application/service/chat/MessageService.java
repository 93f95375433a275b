package org.dreamdiary.application.service.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
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
import org.dreamdiary.application.port.out.chat.Chats.Slots;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.chat.Messages.Visible;
import org.dreamdiary.application.service.chat.CommitQueue.Outcome;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatRole;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StorageUnavailableException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.UserId;

/**
 * Messages of chats; each change is one transaction whose event reaches live subscribers once it commits. Posts to
 * one chat that arrive while one of its commits is in flight are committed together, in one transaction, by the
 * next ({@link CommitQueue}): a busy chat takes many posts per commit instead of one.
 */
public final class MessageService implements SendMessage, ListMessages, GetMessage, EditMessage, DeleteMessage,
        ChatStatistics {
    /** The most posts one transaction commits together. */
    static final int MAX_BATCH = 64;
    /** How long a post waits for its commit: the batches queued ahead of it and its own. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Chats chats;
    private final Messages messages;
    private final ChatEvents events;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;
    private final CommitQueue<ChatId, Post, Message> commits;

    public MessageService(Chats chats, Messages messages, ChatEvents events, Transactions transactions, Clock clock,
                          Ids ids) {
        this.chats = chats;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.commits = new CommitQueue<>(MAX_BATCH, PATIENCE, this::commitTogether, () -> new StorageUnavailableException(
                "the chat is too busy to take the message in time; it was not posted or not confirmed", PATIENCE));
    }

    @Override
    public Message send(UserId caller, ChatId chat, MessageText text) {
        if (transactions.inProgress()) {
            // part of a larger unit of work (an Idempotency-Key's record): it must commit in that very transaction
            return postAlone(caller, chat, text);
        }
        return commits.submit(chat, new Post(caller, text));
    }

    /** One post in a transaction of its own, or the caller's. */
    private Message postAlone(UserId caller, ChatId chat, MessageText text) {
        return transactions.inTransaction(() -> {
            var now = clock.now();
            Slot slot = chats.reserveMessage(caller, chat).orElseThrow(() -> new NotFoundException("chat"));
            Message message = next(slot.highestGiven(), chat, new Post(caller, text), now);
            messages.add(message);
            events.publish(ChatEvent.created(message));
            return message;
        });
    }

    /**
     * The posts queued for one chat, committed in one transaction; a post whose author is not a member fails alone.
     * A single post takes the path of a post alone. When the transaction fails for another reason, one post may have
     * caused it, so each is then posted alone, in order, to fail only its own caller; unless the database is out of
     * reach, which each would only find again.
     */
    private List<Outcome<Message>> commitTogether(ChatId chat, List<Post> posts) {
        if (posts.size() > 1) {
            try {
                return transactions.inTransaction(() -> postTogether(chat, posts));
            } catch (StorageUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                // rolled back whole: nothing of it stays, and the posts are tried again below
            }
        }
        return posts.stream().map(post -> Outcome.of(() -> postAlone(post.author(), chat, post.text()))).toList();
    }

    private List<Outcome<Message>> postTogether(ChatId chat, List<Post> posts) {
        var now = clock.now();
        Set<UserId> posters = posts.stream().map(Post::author).collect(Collectors.toSet());
        Optional<Slots> slots = chats.reserveMessages(chat, posters);
        MessageId highest = slots.map(Slots::highestGiven).orElse(null);
        Set<UserId> members = slots.map(Slots::members).orElse(Set.of());
        List<Message> stored = new ArrayList<>();
        List<Outcome<Message>> outcomes = new ArrayList<>();
        for (Post post : posts) {
            if (!members.contains(post.author())) {
                outcomes.add(Outcome.failed(new NotFoundException("chat")));
                continue;
            }
            Message message = next(highest, chat, post, now);
            highest = message.id();
            stored.add(message);
            outcomes.add(Outcome.done(message));
        }
        if (!stored.isEmpty()) {
            messages.addAll(stored);
            events.publishAll(stored.stream().map(ChatEvent::created).toList());
        }
        return outcomes;
    }

    /** The message following the chat's {@code highestGiven} (null: none yet). */
    private Message next(MessageId highestGiven, ChatId chat, Post post, Instant now) {
        var highest = highestGiven == null ? null : highestGiven.value();
        return Message.post(new MessageId(MessageIds.following(highest, ids.next())), chat, post.author(), post.text(),
                now);
    }

    /** A message waiting to be committed with the others sent to its chat meanwhile. */
    private record Post(UserId author, MessageText text) {
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
        return visible(caller, id, ExpectedVersion.none()).message();
    }

    @Override
    public Message edit(UserId caller, MessageId id, Change<MessageText> text, ExpectedVersion expected) {
        return transactions.inTransaction(() -> {
            Visible current = visible(caller, id, expected);
            role(caller, current).requireMayEdit(caller, current.message().author());
            expected.check(current.message().version(), "message");
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
    public void delete(UserId caller, MessageId id, ExpectedVersion expected) {
        transactions.inTransaction(() -> {
            // read all the same: who may delete it depends on its author and its chat's owner
            Visible current = visible(caller, id, expected);
            role(caller, current).requireMayDelete(caller, current.message().author());
            expected.check(current.message().version(), "message");
            ChatId chat = current.message().chat();
            if (!messages.delete(chat, id, expected.versionToFind(current.message().version()))) {
                throw expected.missed(messages.byId(caller, id), "message");
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

    private Visible visible(UserId caller, MessageId id, ExpectedVersion expected) {
        return messages.byId(caller, id).orElseThrow(() -> expected.gone("message"));
    }

    private static ChatRole role(UserId caller, Visible visible) {
        return caller.equals(visible.chatOwner()) ? ChatRole.OWNER : ChatRole.MEMBER;
    }
}
