package org.dreamdiary.application.service.chat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.chat.WatchChat;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.UserId;

/**
 * The subscribers to chats on this node. Events come from every node through {@link ChatEvents}; each goes to the
 * local subscribers of its chat, except a member's removal, which goes to that member's subscriptions only. A
 * chat's deletion and a removal end the subscriptions they reach.
 */
public final class LiveChatService implements WatchChat {
    private static final System.Logger LOG = System.getLogger(LiveChatService.class.getName());

    private final Chats chats;
    private final Map<ChatId, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    public LiveChatService(Chats chats, ChatEvents events) {
        this.chats = chats;
        events.subscribe(this::dispatch);
    }

    @Override
    public void requireMember(UserId caller, ChatId chat) {
        chats.asMember(caller, chat).orElseThrow(() -> new NotFoundException("chat"));
    }

    @Override
    public Subscription watch(UserId caller, ChatId chat, Consumer<ChatEvent> listener) {
        requireMember(caller, chat);
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

        Watcher(UserId user, ChatId chat, Consumer<ChatEvent> listener) {
            this.user = user;
            this.chat = chat;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            watchers.computeIfPresent(chat, (key, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
