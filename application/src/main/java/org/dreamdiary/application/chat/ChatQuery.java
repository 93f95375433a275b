package org.dreamdiary.application.chat;

import java.util.Optional;

/** Which of the caller's chats to list: those whose title contains {@code titleContains}, only owned ones or all. */
public record ChatQuery(Optional<String> titleContains, boolean ownedOnly) {
    public static ChatQuery all() {
        return new ChatQuery(Optional.empty(), false);
    }
}
