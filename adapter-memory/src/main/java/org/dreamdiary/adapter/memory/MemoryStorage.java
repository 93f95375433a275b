package org.dreamdiary.adapter.memory;

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

/**
 * Every storage port in the memory of this process, for demos, client development and fast tests: one store with
 * real transactions (see {@link MemoryTransactions}), the cascades of the real schema, and events delivered after
 * commit. Nothing survives the process, and only one node can use it.
 */
public final class MemoryStorage implements Storage {
    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemoryEvents events = new MemoryEvents(transactions);
    private final MemoryUsers users = new MemoryUsers(transactions);

    private final MemorySessions sessions = new MemorySessions(transactions, users);

    private final Attempts attempts = new MemoryAttempts(transactions);

    private final RequestCounts requestCounts = new MemoryRequestCounts(transactions);

    private final MemoryTasks tasks = new MemoryTasks(transactions);

    private final MemoryGoals goals = new MemoryGoals(transactions, tasks);

    private final MemoryDreams dreams = new MemoryDreams(transactions, goals);

    private final MemoryDiaryEntries diaryEntries = new MemoryDiaryEntries(transactions);

    private final MemoryAttachments attachments = new MemoryAttachments(transactions, users);

    private final MemoryBlobStore blobs = new MemoryBlobStore(transactions);

    private final Chats chats;

    private final Messages messages;

    private final MemoryIdempotencyRecords idempotencyRecords = new MemoryIdempotencyRecords(transactions, users);

    private final AccountRecords accountRecords;

    public MemoryStorage() {
        // accounts
        users.deleted().then(sessions::accountDeleted);
        users.deleted().then(idempotencyRecords::accountDeleted);

        // planning and diary
        dreams.deleted().then(goals::forgetDream);
        goals.deleted().then(tasks::deleteOfGoal);
        goals.deleted().then(diaryEntries::unlinkGoal);
        users.deleted().then(dreams::deleteOwnedBy);
        users.deleted().then(goals::deleteOwnedBy);
        users.deleted().then(tasks::deleteOwnedBy);
        users.deleted().then(diaryEntries::deleteOwnedBy);

        // attachments
        users.deleted().then(attachments::deleteAllOf);
        attachments.deleted().then(users::detachAvatar);
        attachments.deleted().then(dreams::detach);
        attachments.deleted().then(tasks::detach);
        attachments.deleted().then(diaryEntries::detach);

        // chats
        ChatTables chatTables = new ChatTables(transactions);
        users.deleted().then(chatTables::accountDeleted);
        chats = new MemoryChats(transactions, chatTables, users);
        messages = new MemoryMessages(transactions, chatTables);

        // an account's export reads through the ports above, so it is built once they all are
        accountRecords = new MemoryAccountRecords(transactions, dreams, goals, tasks, diaryEntries, attachments, chats,
                messages);
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
        return events.sessions();
    }

    @Override
    public IdempotencyRecords idempotencyRecords() {
        return idempotencyRecords;
    }

    @Override
    public AccountRecords accountRecords() {
        return accountRecords;
    }

    /** Memory always answers, at once. */
    @Override
    public DatabaseProbe probe() {
        return () -> 0;
    }

    @Override
    public void close() {
        events.close();
    }
}
