package org.dreamdiary.client.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A dream to write down: a name (1–200 characters), optionally a description and attachments. */
public record NewDream(String name, String description, List<UUID> attachmentIds) {
    public NewDream {
        Objects.requireNonNull(name, "name");
        attachmentIds = attachmentIds == null ? null : List.copyOf(attachmentIds);
    }

    public static NewDream named(String name) {
        return new NewDream(name, null, null);
    }

    public NewDream withDescription(String description) {
        return new NewDream(name, description, attachmentIds);
    }

    public NewDream withAttachments(List<UUID> attachmentIds) {
        return new NewDream(name, description, attachmentIds);
    }
}
