package org.dreamdiary.client.model;

import java.util.List;
import java.util.UUID;

/**
 * A change to a dream: each field is left unchanged, cleared or set (see {@link Field}). The name cannot be cleared;
 * setting the attachments replaces them all.
 */
public record DreamChanges(Field<String> name, Field<String> description, Field<List<UUID>> attachmentIds) {
    /** Changes nothing yet; add the fields to change. */
    public static DreamChanges none() {
        return new DreamChanges(Field.unchanged(), Field.unchanged(), Field.unchanged());
    }

    public DreamChanges name(String name) {
        return new DreamChanges(Field.set(name), description, attachmentIds);
    }

    public DreamChanges description(Field<String> description) {
        return new DreamChanges(name, description, attachmentIds);
    }

    public DreamChanges attachmentIds(List<UUID> attachmentIds) {
        return new DreamChanges(name, description, Field.set(List.copyOf(attachmentIds)));
    }
}
