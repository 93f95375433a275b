package org.dreamdiary.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.port.in.ExportAccount;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.UserId;

/** Reads the owner's data through the same ports the routes use, page by page, inside one transaction. */
public final class ExportAccountService implements ExportAccount {
    /** Below every message id: reading "after" it starts at a chat's first message. */
    private static final MessageId FIRST = new MessageId(new UUID(0, 0));

    private final Users users;
    private final Dreams dreams;
    private final Goals goals;
    private final Tasks tasks;
    private final DiaryEntries diary;
    private final Chats chats;
    private final Messages messages;
    private final Transactions transactions;
    private final Clock clock;

    public ExportAccountService(Users users, Dreams dreams, Goals goals, Tasks tasks, DiaryEntries diary, Chats chats,
                                Messages messages, Transactions transactions, Clock clock) {
        this.users = users;
        this.dreams = dreams;
        this.goals = goals;
        this.tasks = tasks;
        this.diary = diary;
        this.chats = chats;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AccountExport export(UserId owner) {
        return transactions.inTransaction(() -> new AccountExport(clock.now(),
                users.byId(owner).orElseThrow(() -> new NotFoundException("user")),
                Page.all(page -> dreams.list(owner, new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_ASC), page)),
                Page.all(page -> goals.list(owner, new GoalQuery(Optional.empty(), Optional.empty(), Optional.empty()), page)),
                Page.all(page -> tasks.agenda(owner, new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty()),
                        clock.now().atZone(java.time.ZoneOffset.UTC).toLocalDate(), page)),
                Page.all(page -> diary.list(owner, new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()), page)),
                Page.all(page -> chats.list(owner, new ChatQuery(Optional.empty(), true), page)).stream()
                        .map(chat -> new ChatArchive(chat, allMessages(owner, chat.chat().id()))).toList(),
                ownMessages(owner)));
    }

    private List<Message> allMessages(UserId owner, ChatId chat) {
        List<Message> all = new ArrayList<>();
        MessageSlice slice = messages.slice(owner, chat, MessageCursor.after(FIRST, MessageCursor.MAX_LIMIT));
        all.addAll(slice.items());
        while (slice.next().isPresent()) {
            slice = messages.slice(owner, chat, slice.next().get());
            all.addAll(slice.items());
        }
        return all;
    }

    private List<Message> ownMessages(UserId author) {
        List<Message> all = new ArrayList<>();
        List<Message> batch = messages.byAuthor(author, null, MessageCursor.MAX_LIMIT);
        all.addAll(batch);
        while (batch.size() == MessageCursor.MAX_LIMIT) {
            batch = messages.byAuthor(author, batch.get(batch.size() - 1).id(), MessageCursor.MAX_LIMIT);
            all.addAll(batch);
        }
        return all;
    }
}
