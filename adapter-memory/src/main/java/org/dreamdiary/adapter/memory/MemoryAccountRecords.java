package org.dreamdiary.adapter.memory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.out.AccountRecords;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.UserId;

/**
 * An account's rows read through the store's own ports, each part as the route that lists it reads it, so the export
 * shows what the routes show, whatever implementations of those ports are wired. A part is read page by page, each
 * page's rows handed over before the next is read, inside the caller's transaction (or one of its own): it holds the
 * store's lock, so the pages agree with each other and with every other part read in the same snapshot.
 */
final class MemoryAccountRecords implements AccountRecords {
    private static final DreamQuery OLDEST_DREAMS_FIRST = new DreamQuery(Optional.empty(), Optional.empty(),
            DreamSort.CREATED_ASC);
    private static final GoalQuery EVERY_GOAL = new GoalQuery(Optional.empty(), Optional.empty(), Optional.empty());
    private static final AgendaQuery EVERY_TASK = new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty());
    /** The agenda needs today only to tell which tasks are overdue, and every task is read whether it is or not. */
    private static final LocalDate ANY_DAY = LocalDate.EPOCH;
    private static final DiaryQuery EVERY_ENTRY = new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    private static final ChatQuery OWNED_CHATS = new ChatQuery(Optional.empty(), true);
    /** The nil uuid sorts before every message id, so the messages after it are all of a chat's. */
    private static final MessageId BEFORE_EVERY_MESSAGE = new MessageId(new UUID(0, 0));

    private final MemoryTransactions transactions;
    private final Dreams dreams;
    private final Goals goals;
    private final Tasks tasks;
    private final DiaryEntries diary;
    private final Attachments attachments;
    private final Chats chats;
    private final Messages messages;

    MemoryAccountRecords(MemoryTransactions transactions, Dreams dreams, Goals goals, Tasks tasks, DiaryEntries diary,
                         Attachments attachments, Chats chats, Messages messages) {
        this.transactions = transactions;
        this.dreams = dreams;
        this.goals = goals;
        this.tasks = tasks;
        this.diary = diary;
        this.attachments = attachments;
        this.chats = chats;
        this.messages = messages;
    }

    @Override
    public void dreams(UserId owner, Consumer<DreamView> each) {
        pageByPage(page -> dreams.list(owner, OLDEST_DREAMS_FIRST, page), each);
    }

    @Override
    public void goals(UserId owner, Consumer<GoalView> each) {
        pageByPage(page -> goals.list(owner, EVERY_GOAL, page), each);
    }

    @Override
    public void tasks(UserId owner, Consumer<Task> each) {
        pageByPage(page -> tasks.agenda(owner, EVERY_TASK, ANY_DAY, page), each);
    }

    @Override
    public void diary(UserId owner, Consumer<DiaryEntry> each) {
        pageByPage(page -> diary.list(owner, EVERY_ENTRY, page), each);
    }

    @Override
    public void attachments(UserId owner, Consumer<Attachment> each) {
        pageByPage(page -> attachments.list(owner, null, page), each);
    }

    /** The owner is always a member of its chats, so the chats it sees as one, owned only, are all it owns. */
    @Override
    public void ownedChats(UserId owner, Consumer<ChatView> each) {
        pageByPage(page -> chats.list(owner, OWNED_CHATS, page), each);
    }

    @Override
    public void messagesOf(UserId owner, ChatId chat, Consumer<Message> each) {
        transactions.atomically(() -> {
            boolean owned = chats.asMember(owner, chat).filter(view -> view.chat().owner().equals(owner)).isPresent();
            if (!owned) {
                return;
            }
            MessageSlice slice = messages.slice(owner, chat, MessageCursor.after(BEFORE_EVERY_MESSAGE,
                    MessageCursor.MAX_LIMIT));
            slice.items().forEach(each);
            while (slice.next().isPresent()) {
                slice = messages.slice(owner, chat, slice.next().orElseThrow());
                slice.items().forEach(each);
            }
        });
    }

    @Override
    public void messagesBy(UserId author, Consumer<Message> each) {
        transactions.atomically(() -> {
            List<Message> batch = messages.byAuthor(author, null, MessageCursor.MAX_LIMIT);
            batch.forEach(each);
            while (batch.size() == MessageCursor.MAX_LIMIT) {
                batch = messages.byAuthor(author, batch.get(batch.size() - 1).id(), MessageCursor.MAX_LIMIT);
                batch.forEach(each);
            }
        });
    }

    /** Every item {@code read} lists, the largest pages at a time, in the list's order. */
    private <T> void pageByPage(Function<PageRequest, Page<T>> read, Consumer<T> each) {
        transactions.atomically(() -> {
            Page<T> page = read.apply(new PageRequest(1, PageRequest.MAX_PER_PAGE));
            page.items().forEach(each);
            while (page.hasNext()) {
                page = read.apply(new PageRequest(page.request().page() + 1, PageRequest.MAX_PER_PAGE));
                page.items().forEach(each);
            }
        });
    }
}
