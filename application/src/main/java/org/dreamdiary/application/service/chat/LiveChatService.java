package org.dreamdiary.application.service.chat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.chat.WatchChat;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.TooManyAttemptsException;
import org.dreamdiary.domain.user.UserId;

/**
 * The subscribers to chats on this node. Events come from every node through {@link ChatEvents}; each goes to the
 * local subscribers of its chat, except a member's removal, which goes to that member's subscriptions only. A
 * chat's deletion and a removal end the subscriptions they reach. A user may hold only so many subscriptions on
 * one node at a time (each live socket is one), so that one account cannot tie up the node's memory and threads.
 */
public final class LiveChatService implements WatchChat {
    private static final System.Logger LOG = System.getLogger(LiveChatService.class.getName());

    /** When to try again after the cap refused a subscription: sockets are long-lived, so not at once. */
    static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(10);

    private final Chats chats;
    private final int perUser;
    private final Map<ChatId, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Map<UserId, Integer> heldBy = new ConcurrentHashMap<>();

    public LiveChatService(Chats chats, ChatEvents events, int perUser) {
        this.chats = chats;
        this.perUser = perUser;
        events.subscribe(this::dispatch);
    }

    @Override
    public void requireMember(UserId caller, ChatId chat) {
        chats.asMember(caller, chat).orElseThrow(() -> new NotFoundException("chat"));
    }

    @Override
    public Subscription watch(UserId caller, ChatId chat, Consumer<ChatEvent> listener) {
        requireMember(caller, chat);
        if (!takeSlot(caller)) {
            throw new TooManyAttemptsException("at most " + perUser + " live sockets per user at a time; close one first",
                    RETRY_AFTER_CAP);
        }
        Watcher watcher = new Watcher(caller, chat, listener);
        watchers.compute(chat, (key, set) -> {
            Set<Watcher> of = set == null ? ConcurrentHashMap.newKeySet() : set;
            of.add(watcher);
            return of;
        });
        // checked again once registered: a removal committed in between is either seen here or delivered
        try {
            requireMember(caller, chat);
        } catch (RuntimeException e) {
            watcher.cancel();
            throw e;
        }
        return watcher;
    }

    /** How many subscriptions this node holds, for metrics. */
    public int subscriptions() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    private boolean takeSlot(UserId user) {
        boolean[] taken = {false};
        heldBy.compute(user, (key, held) -> {
            int now = held == null ? 0 : held;
            if (now >= perUser) {
                return held;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void releaseSlot(UserId user) {
        heldBy.computeIfPresent(user, (key, held) -> held <= 1 ? null : held - 1);
    }

    private void dispatch(ChatEvent event) {
        Set<Watcher> ofChat = watchers.get(event.chat());
        if (ofChat == null) {
            return;
        }
        for (Watcher watcher : ofChat) {
            boolean reaches = event.kind() != ChatEvent.Kind.MEMBER_REMOVED || watcher.user.equals(event.member());
            boolean ends = event.kind() == ChatEvent.Kind.MEMBER_REMOVED || event.kind() == ChatEvent.Kind.CHAT_DELETED;
            if (reaches) {
                if (ends) {
                    watcher.cancel();
                }
                deliver(watcher, event);
            }
        }
    }

    /** One failing listener must not keep the event from the others: it loses its subscription instead. */
    private static void deliver(Watcher watcher, ChatEvent event) {
        try {
            watcher.listener.accept(event);
        } catch (RuntimeException e) {
            watcher.cancel();
            LOG.log(System.Logger.Level.WARNING, "a chat listener failed and was unsubscribed", e);
        }
    }

    private final class Watcher implements Subscription {
        private final UserId user;
        private final ChatId chat;
        private final Consumer<ChatEvent> listener;
        private final AtomicBoolean cancelled = new AtomicBoolean();

        Watcher(UserId user, ChatId chat, Consumer<ChatEvent> listener) {
            this.user = user;
            this.chat = chat;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            if (!cancelled.compareAndSet(false, true)) {
                return;
            }
            watchers.computeIfPresent(chat, (key, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            releaseSlot(user);
        }
    }
}
