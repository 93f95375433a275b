package org.dreamdiary.client.model;

import java.util.Objects;

/** The text (1–5000 characters) of a message to post, or the new text of one: what the messages group sends. */
public record MessageText(String text) {
    public MessageText {
        Objects.requireNonNull(text, "text");
    }
}
