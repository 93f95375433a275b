package org.dreamdiary.adapter.http.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.dreamdiary.adapter.http.profile.UserProfiles;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.domain.user.User;

/** The JSON shapes of users and tokens. */
final class UserResources {
    private UserResources() {
    }

    /** The caller's own profile, with the private parts. */
    record OwnProfile(String id, String username, String fullName, String email, String phoneNumber, String avatarUrl,
                      Instant createdAt, @JsonProperty("_links") UserProfiles.Links links) {
        static OwnProfile of(User user) {
            return new OwnProfile(user.id().toString(), user.username().value(),
                    user.fullName() == null ? null : user.fullName().value(),
                    user.email() == null ? null : user.email().value(),
                    user.phoneNumber() == null ? null : user.phoneNumber().value(),
                    UserProfiles.avatarUrlOf(user), user.createdAt(), UserProfiles.Links.of(user));
        }
    }

    record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {
        static Tokens of(TokenPair pair) {
            return new Tokens(pair.accessToken(), "Bearer", pair.expiresInSeconds(), pair.refreshToken());
        }
    }

    record Registered(OwnProfile user, String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }
}
