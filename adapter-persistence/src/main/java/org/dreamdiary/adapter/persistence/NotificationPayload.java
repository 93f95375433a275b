package org.dreamdiary.adapter.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatEvent.Kind;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

/**
 * A chat event as the text of a notification: its kind, chat id, message id and member id, separated by spaces,
 * with {@code -} for an id the event does not have. Always far below PostgreSQL's 8000-byte limit.
 */
final class NotificationPayload {
    private static final String NONE = "-";
    private static final Map<String, Kind> KINDS = Stream.of(Kind.values())
            .collect(Collectors.toUnmodifiableMap(NotificationPayload::word, Function.identity()));

    private NotificationPayload() {
    }

    static String of(ChatEvent event) {
        return String.join(" ", word(event.kind()), event.chat().toString(), text(event.messageId()), text(event.member()));
    }

    /** The event, without its message: the receiver reads that from the database. Empty for text it cannot read. */
    static Optional<ChatEvent> parse(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length != 4 || !KINDS.containsKey(parts[0])) {
            return Optional.empty();
        }
        try {
            UUID message = uuid(parts[2]);
            UUID member = uuid(parts[3]);
            return Optional.of(new ChatEvent(KINDS.get(parts[0]), new ChatId(UUID.fromString(parts[1])),
                    message == null ? null : new MessageId(message), null, member == null ? null : new UserId(member)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String word(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(Object id) {
        return id == null ? NONE : id.toString();
    }

    private static UUID uuid(String text) {
        return NONE.equals(text) ? null : UUID.fromString(text);
    }
}
