package org.dreamdiary.adapter.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.dreamdiary.application.port.out.AccountRecords;
import org.dreamdiary.application.port.out.DatabaseProbe;
import org.dreamdiary.application.port.out.RequestCounts;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
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
import org.jdbi.v3.core.Jdbi;

/**
 * Every storage port on one PostgreSQL database, sharing its transactions; chat and session events travel between
 * nodes with {@code LISTEN}/{@code NOTIFY} once {@link #start started}.
 */
public record PostgresStorage(Transactions transactions, Users users, Sessions sessions, Attempts attempts,
                              RequestCounts requestCounts, Dreams dreams, Goals goals, Tasks tasks,
                              DiaryEntries diaryEntries, Attachments attachments, BlobStore blobs, Chats chats,
                              Messages messages, PostgresChatEvents chatEvents, SessionEvents sessionEvents,
                              IdempotencyRecords idempotencyRecords, AccountRecords accountRecords,
                              DatabaseProbe probe) implements Storage {

    /**
     * @param listenerConnections opens the one connection, outside any pool, on which this node listens
     * @param blobDirectory where file content goes when it is kept on this node's disk; empty keeps it in the database
     */
    public static PostgresStorage open(Jdbi jdbi, PostgresChatEvents.Connector listenerConnections,
                                       Optional<Path> blobDirectory) {
        var transactions = new JdbiTransactions(jdbi);
        var messages = new JdbiMessages(jdbi);
        var events = new PostgresChatEvents(jdbi, messages, listenerConnections);
        return new PostgresStorage(transactions, new JdbiUsers(jdbi), new JdbiSessions(jdbi), new JdbiAttempts(jdbi),
                new JdbiRequestCounts(jdbi), new JdbiDreams(jdbi), new JdbiGoals(jdbi), new JdbiTasks(jdbi),
                new JdbiDiaryEntries(jdbi), new JdbiAttachments(jdbi),
                blobDirectory.<BlobStore>map(directory -> new FileSystemBlobStore(directory, transactions))
                        .orElseGet(() -> new PostgresBlobStore(jdbi)),
                new JdbiChats(jdbi), messages, events, events.sessions(), new JdbiIdempotencyRecords(jdbi),
                new JdbiAccountRecords(jdbi), new JdbiDatabaseProbe(jdbi));
    }

    @Override
    public void start(Duration patience) {
        chatEvents.start(patience);
    }

    @Override
    public boolean listening() {
        return chatEvents.listening();
    }

    @Override
    public void close() {
        chatEvents.close();
    }
}
