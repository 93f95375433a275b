package org.dreamdiary.adapter.http.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.dreamdiary.adapter.http.routing.ResourcePaths;
import org.dreamdiary.domain.user.User;

/**
 * What anybody signed in may see of a user: a shared piece, since two rooms show it (the user routes, and the chat
 * routes for members).
 */
public final class UserProfiles {
    private UserProfiles() {
    }

    public record Links(String self) {
        public static Links of(User user) {
            return new Links(ResourcePaths.USERS + user.id());
        }
    }

    public record PublicProfile(String id, String username, String fullName, String avatarUrl, Instant createdAt,
                                @JsonProperty("_links") Links links) {
        public static PublicProfile of(User user) {
            return new PublicProfile(user.id().toString(), user.username().value(),
                    user.fullName() == null ? null : user.fullName().value(), avatarUrlOf(user), user.createdAt(),
                    Links.of(user));
        }
    }

    public static String avatarUrlOf(User user) {
        return user.avatarAttachmentId() == null ? null : ResourcePaths.attachmentContent(user.avatarAttachmentId());
    }
}
