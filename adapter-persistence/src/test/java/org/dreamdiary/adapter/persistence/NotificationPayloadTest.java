package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatEvent.Kind;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text a chat event travels as between nodes: ids only, read back into the same event without its message. */
class NotificationPayloadTest {
    private static final ChatId CHAT = new ChatId(UUID.fromString("0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a"));
    private static final MessageId MESSAGE = new MessageId(UUID.fromString("0192f0c4-7b00-7d22-8b66-4c2a3f5e6d7b"));
    private static final UserId MEMBER = new UserId(UUID.fromString("6f1d2c3b-4a59-4687-a7b8-c9d0e1f2a3b4"));

    @Test
    void givenEveryKindOfEventTheServiceSends_whenWrittenAndReadBack_thenTheSameEventWithoutItsMessage() {
        Message message = new Message(MESSAGE, CHAT, MEMBER, new MessageText("Привет, сон!".repeat(400)),
                Instant.parse("2026-11-21T10:00:00Z"), null, 1);
        for (ChatEvent event : new ChatEvent[] {ChatEvent.created(message), ChatEvent.updated(message),
                ChatEvent.deleted(CHAT, MESSAGE), ChatEvent.chatDeleted(CHAT), ChatEvent.memberRemoved(CHAT, MEMBER)}) {
            String payload = NotificationPayload.of(event);

            assertThat(NotificationPayload.parse(payload)).as(payload).contains(event.with(null));
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).as(payload).isLessThan(8000);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenAnyKindWithEveryIdPresent_whenWrittenAndReadBack_thenEveryIdSurvives(Kind kind) {
        ChatEvent event = new ChatEvent(kind, CHAT, MESSAGE, null, MEMBER);

        assertThat(NotificationPayload.parse(NotificationPayload.of(event))).contains(event);
    }

    @Test
    void givenEvents_whenWritten_thenTheKindInLowerCaseAndTheIdsWithADashForAMissingOne() {
        assertThat(NotificationPayload.of(ChatEvent.deleted(CHAT, MESSAGE)))
                .isEqualTo("message_deleted 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a 0192f0c4-7b00-7d22-8b66-4c2a3f5e6d7b -");
        assertThat(NotificationPayload.of(ChatEvent.memberRemoved(CHAT, MEMBER)))
                .isEqualTo("member_removed 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a - 6f1d2c3b-4a59-4687-a7b8-c9d0e1f2a3b4");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        " ",
        "hello",
        "message_created",
        "message_created 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a -",
        "message_created 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a - - -",
        "MESSAGE_CREATED 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a - -",
        "message_sent 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a - -",
        "chat_deleted - - -",
        "chat_deleted not-a-uuid - -",
        "message_deleted 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a 12345 -",
        "member_removed 0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a - ?",
        "member_removed  0192f0c4-7a3e-7c11-9a55-3b1f2e4d5c6a - -"
    })
    void givenTextThatIsNoEvent_whenRead_thenNothing(String garbage) {
        assertThat(NotificationPayload.parse(garbage)).isEmpty();
    }

    @Test
    void givenEndedSessionsOfEveryShape_whenWrittenAndReadBack_thenTheSameIdsOnlyAndNoChatEvent() {
        SessionId session = new SessionId(UUID.fromString("0192f0c4-7c00-7e33-9c77-5d3b4a6f7e8c"));
        for (SessionsEnded ended : new SessionsEnded[] {SessionsEnded.one(session),
                SessionsEnded.allOfUserBut(MEMBER, session), SessionsEnded.allOfUser(MEMBER)}) {
            String payload = NotificationPayload.of(ended);

            assertThat(NotificationPayload.parseSessionsEnded(payload)).as(payload).contains(ended);
            assertThat(NotificationPayload.parse(payload)).as(payload).isEmpty();
        }
        assertThat(NotificationPayload.of(SessionsEnded.allOfUser(MEMBER)))
                .isEqualTo("sessions_ended 6f1d2c3b-4a59-4687-a7b8-c9d0e1f2a3b4 -");
        assertThat(NotificationPayload.parseSessionsEnded(NotificationPayload.of(ChatEvent.chatDeleted(CHAT)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "session_ended",
        "session_ended not-a-uuid",
        "session_ended - ",
        "sessions_ended 6f1d2c3b-4a59-4687-a7b8-c9d0e1f2a3b4",
        "sessions_ended - -",
        "sessions_ended 6f1d2c3b-4a59-4687-a7b8-c9d0e1f2a3b4 - -"
    })
    void givenTextThatIsNoSessionsEnd_whenRead_thenNothing(String garbage) {
        assertThat(NotificationPayload.parseSessionsEnded(garbage)).isEmpty();
    }
}
