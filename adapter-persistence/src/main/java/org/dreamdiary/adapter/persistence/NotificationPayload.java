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
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/**
 * An event as the text of a notification, ids only, separated by spaces, with {@code -} for an id the event does not
 * have; always far below PostgreSQL's 8000-byte limit. A chat event: its kind, chat id, message id and member id.
 * Ended sessions: {@code session_ended} and the session id, or {@code sessions_ended}, the user id and the id of the
 * session kept.
 */
final class NotificationPayload {
    private static final String NONE = "-";
    private static final String SESSION_ENDED = "session_ended";
    private static final String SESSIONS_ENDED = "sessions_ended";
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

    static String of(SessionsEnded ended) {
        if (ended instanceof SessionsEnded.One one) {
            return String.join(" ", SESSION_ENDED, one.session().toString());
        }
        SessionsEnded.OfUser all = (SessionsEnded.OfUser) ended;
        return String.join(" ", SESSIONS_ENDED, all.user().toString(), text(all.kept()));
    }

    /** Ended sessions; empty for text that is not of that kind or cannot be read. */
    static Optional<SessionsEnded> parseSessionsEnded(String payload) {
        String[] parts = payload.split(" ");
        try {
            if (parts.length == 2 && parts[0].equals(SESSION_ENDED)) {
                return Optional.of(SessionsEnded.one(new SessionId(UUID.fromString(parts[1]))));
            }
            if (parts.length == 3 && parts[0].equals(SESSIONS_ENDED)) {
                UserId user = new UserId(UUID.fromString(parts[1]));
                UUID kept = uuid(parts[2]);
                return Optional.of(kept == null ? SessionsEnded.allOfUser(user)
                        : SessionsEnded.allOfUserBut(user, new SessionId(kept)));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
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
