package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A conversation among members. {@code memberCount} includes the owner; {@code lastMessageAt} is {@code null} while
 * there is no message. Its {@code _links} are {@code self}, {@code messages} and {@code members}.
 */
public record Chat(UUID id, String title, UUID ownerId, int memberCount, long messageCount, Instant lastMessageAt,
                   Instant createdAt, @JsonProperty("_links") Map<String, String> links) {
    public Chat {
        links = Links.copy(links);
    }
}
