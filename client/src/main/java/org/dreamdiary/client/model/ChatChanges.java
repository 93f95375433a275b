package org.dreamdiary.client.model;

/** A change to a chat: its title is left unchanged or set (it cannot be cleared); see {@link Field}. */
public record ChatChanges(Field<String> title) {
    /** Changes nothing yet; add the fields to change. */
    public static ChatChanges none() {
        return new ChatChanges(Field.unchanged());
    }

    public ChatChanges title(String title) {
        return new ChatChanges(Field.set(title));
    }
}
