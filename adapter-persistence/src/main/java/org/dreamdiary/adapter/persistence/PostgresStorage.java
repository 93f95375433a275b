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
import org.jdbi.v3.core.Jdbi;

/**
 * Every storage port on one PostgreSQL database, sharing its transactions; chat and session events travel between
 * nodes with {@code LISTEN}/{@code NOTIFY} once {@link #start started}.
 */
public final class PostgresStorage implements Storage {
    private final JdbiTransactions transactions;
    private final JdbiUsers users;
    private final JdbiSessions sessions;
    private final JdbiAttempts attempts;
    private final JdbiRequestCounts requestCounts;
    private final JdbiDreams dreams;
    private final JdbiGoals goals;
    private final JdbiTasks tasks;
    private final JdbiDiaryEntries diaryEntries;
    private final JdbiAttachments attachments;
    private final BlobStore blobs;
    private final JdbiChats chats;
    private final JdbiMessages messages;
    private final PostgresChatEvents events;
    private final SessionEvents sessionEvents;
    private final JdbiIdempotencyRecords idempotencyRecords;
    private final JdbiAccountRecords accountRecords;
    private final JdbiDatabaseProbe probe;

    /**
     * @param listenerConnections opens the one connection, outside any pool, on which this node listens
     * @param blobDirectory where file content goes when it is kept on this node's disk; empty keeps it in the database
     */
    public PostgresStorage(Jdbi jdbi, PostgresChatEvents.Connector listenerConnections, Optional<Path> blobDirectory) {
        transactions = new JdbiTransactions(jdbi);
        users = new JdbiUsers(jdbi);
        sessions = new JdbiSessions(jdbi);
        attempts = new JdbiAttempts(jdbi);
        requestCounts = new JdbiRequestCounts(jdbi);
        dreams = new JdbiDreams(jdbi);
        goals = new JdbiGoals(jdbi);
        tasks = new JdbiTasks(jdbi);
        diaryEntries = new JdbiDiaryEntries(jdbi);
        attachments = new JdbiAttachments(jdbi);
        blobs = blobDirectory.<BlobStore>map(directory -> new FileSystemBlobStore(directory, transactions))
                .orElseGet(() -> new PostgresBlobStore(jdbi));
        chats = new JdbiChats(jdbi);
        messages = new JdbiMessages(jdbi);
        events = new PostgresChatEvents(jdbi, messages, listenerConnections);
        sessionEvents = events.sessions();
        idempotencyRecords = new JdbiIdempotencyRecords(jdbi);
        accountRecords = new JdbiAccountRecords(jdbi);
        probe = new JdbiDatabaseProbe(jdbi);
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public Attempts attempts() {
        return attempts;
    }

    @Override
    public RequestCounts requestCounts() {
        return requestCounts;
    }

    @Override
    public Dreams dreams() {
        return dreams;
    }

    @Override
    public Goals goals() {
        return goals;
    }

    @Override
    public Tasks tasks() {
        return tasks;
    }

    @Override
    public DiaryEntries diaryEntries() {
        return diaryEntries;
    }

    @Override
    public Attachments attachments() {
        return attachments;
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public Chats chats() {
        return chats;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public ChatEvents chatEvents() {
        return events;
    }

    @Override
    public SessionEvents sessionEvents() {
        return sessionEvents;
    }

    @Override
    public IdempotencyRecords idempotencyRecords() {
        return idempotencyRecords;
    }

    @Override
    public AccountRecords accountRecords() {
        return accountRecords;
    }

    @Override
    public DatabaseProbe probe() {
        return probe;
    }

    @Override
    public void start(Duration patience) {
        events.start(patience);
    }

    @Override
    public boolean listening() {
        return events.listening();
    }

    @Override
    public void close() {
        events.close();
    }
}
