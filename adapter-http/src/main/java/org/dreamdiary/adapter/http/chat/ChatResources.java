package org.dreamdiary.adapter.http.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dreamdiary.adapter.http.routing.ResourcePaths;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.chat.Message;

/** The JSON shapes of chats, messages, their statistics and live events. */
public final class ChatResources {
    private ChatResources() {
    }

    public record ChatLinks(String self, String messages, String members) {
    }

    public record ChatResource(String id, String title, String ownerId, long memberCount, long messageCount,
                               Instant lastMessageAt, Instant createdAt, @JsonProperty("_links") ChatLinks links) {
        public static ChatResource of(ChatView view) {
            var chat = view.chat();
            String self = ResourcePaths.CHATS + chat.id();
            return new ChatResource(chat.id().toString(), chat.title().value(), chat.owner().toString(), view.memberCount(),
                    view.messageCount(), view.lastMessageAt(), chat.createdAt(),
                    new ChatLinks(self, self + "/messages", self + "/members"));
        }
    }

    public record MessageLinks(String self, String chat) {
    }

    public record MessageResource(String id, String chatId, String authorId, String text, Instant createdAt,
                                  Instant editedAt, @JsonProperty("_links") MessageLinks links) {
        public static MessageResource of(Message message) {
            return new MessageResource(message.id().toString(), message.chat().toString(),
                    message.author() == null ? null : message.author().toString(), message.text().value(),
                    message.createdAt(), message.editedAt(), new MessageLinks(ResourcePaths.MESSAGES + message.id(),
                            ResourcePaths.CHATS + message.chat()));
        }
    }

    public record ChatWithMessages(ChatResource chat, List<MessageResource> messages) {
        public static ChatWithMessages of(ChatOverview overview) {
            return new ChatWithMessages(ChatResource.of(overview.chat()),
                    overview.latest().stream().map(MessageResource::of).toList());
        }
    }

    record PageLinks(String self, String next) {
    }

    record MessagePage(List<MessageResource> items, @JsonProperty("_links") PageLinks links) {
    }

    record DayCountResource(LocalDate date, long count) {
    }

    record AuthorCountResource(String userId, long count) {
    }

    record ChatStatsResource(long messageCount, Instant firstMessageAt, Instant lastMessageAt,
                             List<DayCountResource> perDay, List<AuthorCountResource> perAuthor) {
        static ChatStatsResource of(ChatStats stats) {
            return new ChatStatsResource(stats.messageCount(), stats.firstMessageAt(), stats.lastMessageAt(),
                    stats.perDay().stream().map(day -> new DayCountResource(day.date(), day.count())).toList(),
                    stats.perAuthor().stream().map(author -> new AuthorCountResource(
                            author.author() == null ? null : author.author().toString(), author.count())).toList());
        }
    }

    record MessageGone(String id, String chatId) {
    }

    record ChatGone(String id) {
    }

    /** A live event as pushed on the socket: {@code {"event": "message.created", "data": {...}}}. */
    record EventResource(String event, Object data) {
        static EventResource of(ChatEvent event) {
            Object data = switch (event.kind()) {
                case MESSAGE_CREATED, MESSAGE_UPDATED -> MessageResource.of(event.message());
                case MESSAGE_DELETED -> new MessageGone(event.messageId().toString(), event.chat().toString());
                case CHAT_DELETED -> new ChatGone(event.chat().toString());
                case MEMBER_REMOVED -> throw new IllegalArgumentException("a removal is not pushed, it closes the socket");
            };
            return new EventResource(event.kind().name().toLowerCase(Locale.ROOT).replace('_', '.'), data);
        }
    }
}
