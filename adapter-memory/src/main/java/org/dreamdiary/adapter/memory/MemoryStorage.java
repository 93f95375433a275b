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

    private final Sessions sessions = notYet("sessions");

    private final Attempts attempts = notYet("attempts");

    private final RequestCounts requestCounts = notYet("request counts");

    private final MemoryTasks tasks = new MemoryTasks(transactions);

    private final MemoryGoals goals = new MemoryGoals(transactions, tasks);

    private final MemoryDreams dreams = new MemoryDreams(transactions, goals);

    private final MemoryDiaryEntries diaryEntries = new MemoryDiaryEntries(transactions);

    private final Attachments attachments = notYet("attachments");

    private final BlobStore blobs = notYet("blobs");

    private final Chats chats = notYet("chats");

    private final Messages messages = notYet("messages");

    private final IdempotencyRecords idempotencyRecords = notYet("idempotency records");

    private final AccountRecords accountRecords = notYet("account records");

    public MemoryStorage() {
        // cascades of an account's deletion

        // planning and diary
        dreams.deleted().then(goals::forgetDream);
        goals.deleted().then(tasks::deleteOfGoal);
        goals.deleted().then(diaryEntries::unlinkGoal);
        users.deleted().then(dreams::deleteOwnedBy);
        users.deleted().then(goals::deleteOwnedBy);
        users.deleted().then(tasks::deleteOwnedBy);
        users.deleted().then(diaryEntries::deleteOwnedBy);
    }

    private static <T> T notYet(String port) {
        return null;
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
