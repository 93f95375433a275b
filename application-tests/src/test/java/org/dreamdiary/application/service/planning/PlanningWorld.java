package org.dreamdiary.application.service.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.dreamdiary.adapter.memory.MemoryStorage;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.port.in.planning.AddTask.NewTask;
import org.dreamdiary.application.port.in.planning.CreateDream.NewDream;
import org.dreamdiary.application.port.in.planning.CreateGoal.NewGoal;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.port.in.planning.UpdateGoal.GoalChanges;
import org.dreamdiary.application.port.in.planning.UpdateTask.TaskChanges;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.service.Contents;
import org.dreamdiary.application.service.SequentialIds;
import org.dreamdiary.application.service.SettableClock;
import org.dreamdiary.application.service.WatchedTransactions;
import org.dreamdiary.application.service.attachment.AttachmentService;
import org.dreamdiary.application.service.diary.DiaryService;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;

/**
 * The dream, goal, task, diary and attachment use cases wired to one memory store, as the composition root wires them
 * to the storage it selects: a dream sees the goals the goal service stored, a goal the tasks the task service
 * stored. The use cases reach the store through {@link #transactions}, which watches them; the tests arrange and read
 * through the store's own ports, unwatched.
 */
public final class PlanningWorld implements AutoCloseable {
    /** Mid-morning UTC on 2024-06-01. */
    public static final Instant START = Instant.parse("2024-06-01T10:00:00.000Z");
    public static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    public static final UserId ALICE = new UserId(UUID.fromString("00000000-0000-7000-a000-00000000a11c"));
    public static final UserId BOB = new UserId(UUID.fromString("00000000-0000-7000-a000-000000000b0b"));
    public static final PageRequest ALL = new PageRequest(1, PageRequest.MAX_PER_PAGE);
    public static final AgendaQuery WHOLE_AGENDA = new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty());

    public final SettableClock clock = new SettableClock(START);
    public final SequentialIds ids = new SequentialIds();
    public final MemoryStorage storage = new MemoryStorage();
    public final WatchedTransactions transactions = new WatchedTransactions(storage.transactions());
    public final Dreams dreams = storage.dreams();
    public final Goals goals = storage.goals();
    public final Tasks tasks = storage.tasks();
    public final DiaryEntries diary = storage.diaryEntries();
    public final Attachments attachments = storage.attachments();
    public final BlobStore blobs = storage.blobs();

    private final Dreams watchedDreams = transactions.watch(Dreams.class, dreams);
    private final Goals watchedGoals = transactions.watch(Goals.class, goals);
    private final Attachments watchedAttachments = transactions.watch(Attachments.class, attachments);
    private final AttachmentReferences references = new AttachmentReferences(watchedAttachments);

    public final DreamService dreamService = new DreamService(watchedDreams, references, transactions, clock, ids);
    public final GoalService goalService = new GoalService(watchedGoals, watchedDreams, transactions, clock, ids);
    public final TaskService taskService = new TaskService(transactions.watch(Tasks.class, tasks), watchedGoals,
            references, transactions, clock, ids);
    public final DiaryService diaryService = new DiaryService(transactions.watch(DiaryEntries.class, diary),
            watchedGoals, references, transactions, clock, ids);
    public final AttachmentService attachmentService = new AttachmentService(watchedAttachments,
            transactions.watch(BlobStore.class, blobs), transactions, clock, ids);

    /** A link of the owner's, kept through the use case: the quickest attachment to make. */
    public Attachment link(UserId owner, String url) {
        return attachmentService.addLink(owner, new LinkUrl(url));
    }

    public static List<UUID> idsOf(Attachment... attachments) {
        return Arrays.stream(attachments).map(attachment -> attachment.id().value()).toList();
    }

    public DreamView dream(UserId owner, String name) {
        return dreamService.create(owner, new NewDream(new Name(name), null, List.of()));
    }

    /** A goal of its own, formed from no dream. */
    public GoalView goal(UserId owner, String name) {
        return goalService.create(owner, new NewGoal(new Name(name), null, null, null));
    }

    /** A goal formed from the dream, under the dream's name. */
    public GoalView goalOf(UserId owner, DreamId dream) {
        return goalService.formGoal(owner, dream, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Task task(UserId owner, GoalId goal, String text) {
        return taskDue(owner, goal, text, null);
    }

    public Task taskDue(UserId owner, GoalId goal, String text, LocalDate dueDate) {
        return taskService.add(owner, goal, new NewTask(new TaskText(text), null, dueDate, List.of())).task();
    }

    /** The task's changes applied to it as it is. */
    public Task change(UserId owner, TaskId task, TaskChanges changes) {
        return taskService.update(owner, task, changes, ExpectedVersion.none()).task();
    }

    public Task complete(UserId owner, TaskId task) {
        return change(owner, task, done(true));
    }

    public Task reopen(UserId owner, TaskId task) {
        return change(owner, task, done(false));
    }

    public GoalView setStatus(UserId owner, GoalId goal, GoalStatus status) {
        return goalService.update(owner, goal, status(status), ExpectedVersion.none());
    }

    public Goal storedGoal(UserId owner, GoalId goal) {
        return goals.view(owner, goal).orElseThrow().goal();
    }

    /** How many dreams the store holds of the owners these tests have (every read of it is an owner's). */
    public long storedDreams() {
        DreamQuery every = new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_ASC);
        return ofBoth(owner -> dreams.list(owner, every, ALL).totalItems());
    }

    public long storedGoals() {
        GoalQuery every = new GoalQuery(Optional.empty(), Optional.empty(), Optional.empty());
        return ofBoth(owner -> goals.list(owner, every, ALL).totalItems());
    }

    public long storedTasks() {
        return ofBoth(owner -> tasks.agenda(owner, WHOLE_AGENDA, TODAY, ALL).totalItems());
    }

    public long storedEntries() {
        DiaryQuery every = new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return ofBoth(owner -> diary.list(owner, every, ALL).totalItems());
    }

    public long storedAttachments() {
        return ofBoth(owner -> attachments.list(owner, null, ALL).totalItems());
    }

    /** How much of the content the use cases wrote the store still holds. */
    public long storedContents() {
        return transactions.calls("BlobStore.write").stream()
                .map(write -> (AttachmentId) write.arg(0))
                .filter(id -> Contents.held(blobs, id))
                .count();
    }

    private static long ofBoth(ToLongFunction<UserId> stored) {
        return stored.applyAsLong(ALICE) + stored.applyAsLong(BOB);
    }

    /** The texts of the goal's tasks, in the order the use case lists them. */
    public List<String> taskTexts(UserId owner, GoalId goal) {
        return taskService.tasks(owner, goal, Optional.empty(), ALL).items().stream()
                .map(view -> view.task().text().value())
                .toList();
    }

    public static TaskChanges done(boolean done) {
        return new TaskChanges(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(done),
                Change.unchanged(), Change.unchanged());
    }

    public static TaskChanges position(int position) {
        return new TaskChanges(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.unchanged(),
                Change.to(position), Change.unchanged());
    }

    public static GoalChanges status(GoalStatus status) {
        return new GoalChanges(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(status),
                Change.unchanged());
    }

    @Override
    public void close() {
        storage.close();
    }
}
