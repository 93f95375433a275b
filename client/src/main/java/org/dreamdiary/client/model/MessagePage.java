package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One cursor page of a chat's messages, in the order its cursor runs (see {@link MessageCursor}). Its
 * {@code _links} are {@code self} and {@code next}: the page that continues the same way, {@code null} when there was
 * nothing more that way when the page was read (newer messages may arrive later).
 */
public record MessagePage(List<Message> items, @JsonProperty("_links") Map<String, String> links) {
    public MessagePage {
        items = List.copyOf(items);
        links = Links.copy(links);
    }

    /** Whether more messages continued this page, the same way, when it was read. */
    public boolean hasNext() {
        return links.get("next") != null;
    }
}
