package org.dreamdiary.adapter.http.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.dreamdiary.adapter.http.attachment.AttachmentResource;
import org.dreamdiary.domain.user.User;

/** What anybody signed in may see of a user: shared by the user routes and the chat member routes. */
public final class UserProfiles {
    public static final String BASE = "/api/v1/users/";

    private UserProfiles() {
    }

    public record Links(String self) {
    }

    public record PublicProfile(String id, String username, String fullName, String avatarUrl, Instant createdAt,
                                @JsonProperty("_links") Links links) {
        public static PublicProfile of(User user) {
            return new PublicProfile(user.id().toString(), user.username().value(),
                    user.fullName() == null ? null : user.fullName().value(), avatarUrlOf(user), user.createdAt(),
                    new Links(BASE + user.id()));
        }
    }

    public static String avatarUrlOf(User user) {
        return user.avatarAttachmentId() == null ? null : AttachmentResource.contentUrl(user.avatarAttachmentId().toString());
    }
}
