package org.dreamdiary.client.model;

import java.util.UUID;

/**
 * A change to one's own profile: each field is left unchanged, cleared or set (see {@link Field}). The email stays
 * unique; the avatar must be one of the user's own images, and clearing it removes the avatar.
 */
public record ProfileChanges(Field<String> fullName, Field<String> email, Field<String> phoneNumber,
                             Field<UUID> avatarAttachmentId) {
    /** Changes nothing yet; add the fields to change. */
    public static ProfileChanges none() {
        return new ProfileChanges(Field.unchanged(), Field.unchanged(), Field.unchanged(), Field.unchanged());
    }

    public ProfileChanges fullName(Field<String> fullName) {
        return new ProfileChanges(fullName, email, phoneNumber, avatarAttachmentId);
    }

    public ProfileChanges email(Field<String> email) {
        return new ProfileChanges(fullName, email, phoneNumber, avatarAttachmentId);
    }

    public ProfileChanges phoneNumber(Field<String> phoneNumber) {
        return new ProfileChanges(fullName, email, phoneNumber, avatarAttachmentId);
    }

    public ProfileChanges avatarAttachmentId(Field<UUID> avatarAttachmentId) {
        return new ProfileChanges(fullName, email, phoneNumber, avatarAttachmentId);
    }
}
