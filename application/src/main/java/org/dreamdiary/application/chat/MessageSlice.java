package org.dreamdiary.application.chat;

import java.util.List;
import java.util.Optional;
import org.dreamdiary.domain.chat.Message;

/** One page of messages in the cursor's order, and whether more lay beyond it when it was read. */
public record MessageSlice(List<Message> items, MessageCursor cursor, boolean more) {
    public MessageSlice {
        items = List.copyOf(items);
    }

    /** Where the next page starts, when there is one. */
    public Optional<MessageCursor> next() {
        return more && !items.isEmpty() ? Optional.of(cursor.next(items.get(items.size() - 1).id())) : Optional.empty();
    }
}
