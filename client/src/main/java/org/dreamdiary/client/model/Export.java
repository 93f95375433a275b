package org.dreamdiary.client.model;

import java.time.Instant;
import java.util.List;

/**
 * One consistent snapshot of the user's data, as {@code GET /api/v1/users/me/export} gives it: the profile, the dreams,
 * and the metadata of every attachment (newest first; the bytes are at each one's {@code contentUrl}). The document
 * holds the goals, tasks, diary, chats and messages as well; to keep all of it, write it to a file with
 * {@link org.dreamdiary.client.api.UsersApi#exportTo(java.nio.file.Path)}.
 */
public record Export(Instant exportedAt, User profile, List<Dream> dreams, List<Attachment> attachments) {
    public Export {
        dreams = List.copyOf(dreams);
        attachments = List.copyOf(attachments);
    }
}
