package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user's profile. {@code email} and {@code phoneNumber} are shown to the user only: in another user's profile
 * they are {@code null}.
 */
public record User(UUID id, String username, String fullName, String email, String phoneNumber, String avatarUrl,
                   Instant createdAt, @JsonProperty("_links") Map<String, String> links) {
    public User {
        links = Links.copy(links);
    }
}
