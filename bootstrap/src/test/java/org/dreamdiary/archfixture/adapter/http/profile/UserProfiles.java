package org.dreamdiary.archfixture.adapter.http.profile;

import org.dreamdiary.archfixture.adapter.http.attachment.AttachmentRoutes;

/** Exists to be caught: a shared piece that uses a room. */
public final class UserProfiles {
    private UserProfiles() {
    }

    public static String avatarUrl(String attachmentId) {
        return AttachmentRoutes.contentUrl(attachmentId);
    }
}
