package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message of a chat. Ids grow in the order messages are committed within a chat, so an id is also a position to
 * page from. {@code authorId} is {@code null} once the author deleted their account; {@code editedAt} is {@code null}
 * until the first edit. Its {@code _links} are {@code self} and {@code chat}.
 */
public record Message(UUID id, UUID chatId, UUID authorId, String text, Instant createdAt, Instant editedAt,
                      @JsonProperty("_links") Map<String, String> links) {
    public Message {
        links = Links.copy(links);
    }
}
