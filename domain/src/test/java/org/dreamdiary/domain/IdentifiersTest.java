package org.dreamdiary.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every identifier wraps a UUID, prints as that UUID alone (as it appears in paths and bodies) and needs one. */
class IdentifiersTest {
    private static final UUID VALUE = UUID.fromString("0190f1c4-7a1e-7cc0-8a8b-1f2e3d4c5b6a");

    static Stream<Arguments> identifiers() {
        return Stream.of(
                Arguments.of("AttachmentId", (Function<UUID, Object>) AttachmentId::new),
                Arguments.of("ChatId", (Function<UUID, Object>) ChatId::new),
                Arguments.of("MessageId", (Function<UUID, Object>) MessageId::new),
                Arguments.of("DiaryEntryId", (Function<UUID, Object>) DiaryEntryId::new),
                Arguments.of("DreamId", (Function<UUID, Object>) DreamId::new),
                Arguments.of("GoalId", (Function<UUID, Object>) GoalId::new),
                Arguments.of("TaskId", (Function<UUID, Object>) TaskId::new),
                Arguments.of("SessionId", (Function<UUID, Object>) SessionId::new),
                Arguments.of("UserId", (Function<UUID, Object>) UserId::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void printsAsItsUuidAlone(String name, Function<UUID, Object> identifier) {
        assertThat(identifier.apply(VALUE)).hasToString("0190f1c4-7a1e-7cc0-8a8b-1f2e3d4c5b6a");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void equalsAnotherOfTheSameUuid(String name, Function<UUID, Object> identifier) {
        assertThat(identifier.apply(VALUE)).isEqualTo(identifier.apply(UUID.fromString(VALUE.toString())))
                .isNotEqualTo(identifier.apply(UUID.randomUUID()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void needsAUuid(String name, Function<UUID, Object> identifier) {
        assertThatThrownBy(() -> identifier.apply(null)).isInstanceOf(NullPointerException.class);
    }
}
