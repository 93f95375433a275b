package org.dreamdiary.application.port.out;

import java.time.Duration;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.Users;

/**
 * Every storage port over one store, which is what a persistence adapter provides whole: the ports share its
 * transactions, so that a use case writing through several of them commits or rolls back all it wrote. The
 * contract kit takes an adapter through this, and the composition root wires the use cases from it.
 */
public interface Storage extends AutoCloseable {
    Transactions transactions();

    Users users();

    Sessions sessions();

    Attempts attempts();

    RequestCounts requestCounts();

    Dreams dreams();

    Goals goals();

    Tasks tasks();

    DiaryEntries diaryEntries();

    Attachments attachments();

    BlobStore blobs();

    Chats chats();

    Messages messages();

    ChatEvents chatEvents();

    SessionEvents sessionEvents();

    IdempotencyRecords idempotencyRecords();

    AccountRecords accountRecords();

    DatabaseProbe probe();

    /**
     * Starts what the store runs beside the use cases, such as hearing the events of other nodes, waiting at most
     * {@code patience} for it to be ready; the store works without it meanwhile.
     */
    default void start(Duration patience) {
    }

    /** Whether this node hears the events of every other node (a store only one node uses always does). */
    default boolean listening() {
        return true;
    }

    /** Stops what {@link #start} started; the store's connections, if it has any, belong to whoever opened them. */
    @Override
    default void close() {
    }
}
