package org.dreamdiary.application.service.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.planning.AddTask.NewTask;
import org.dreamdiary.application.port.in.planning.CreateDream.NewDream;
import org.dreamdiary.application.port.in.planning.CreateGoal.NewGoal;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.port.in.planning.UpdateGoal.GoalChanges;
import org.dreamdiary.application.port.in.planning.UpdateTask.TaskChanges;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.service.attachment.AttachmentService;
import org.dreamdiary.application.service.attachment.InMemoryAttachments;
import org.dreamdiary.application.service.attachment.InMemoryBlobStore;
import org.dreamdiary.application.service.diary.DiaryService;
import org.dreamdiary.application.service.planning.PlanningFakes.CountingTransactions;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryDiaryEntries;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryDreams;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryGoals;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryTasks;
import org.dreamdiary.application.service.planning.PlanningFakes.SequentialIds;
import org.dreamdiary.application.service.planning.PlanningFakes.SettableClock;
import org.dreamdiary.domain.attachment.Attachment;
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
 * The dream, goal, task and diary use cases wired to one shared set of fakes, as the composition root wires them
 * to the real adapters: a dream sees the goals the goal service stored, a goal the tasks the task service stored.
 */
public final class PlanningWorld {
    /** Mid-morning UTC on 2024-06-01. */
    public static final Instant START = Instant.parse("2024-06-01T10:00:00.000Z");
    public static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    public static final UserId ALICE = new UserId(UUID.fromString("00000000-0000-7000-a000-00000000a11c"));
    public static final UserId BOB = new UserId(UUID.fromString("00000000-0000-7000-a000-000000000b0b"));
    public static final PageRequest ALL = new PageRequest(1, PageRequest.MAX_PER_PAGE);
    public static final AgendaQuery WHOLE_AGENDA = new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty());

    public final SettableClock clock = new SettableClock(START);
    public final SequentialIds ids = new SequentialIds();
    public final CountingTransactions transactions = new CountingTransactions();
    public final InMemoryTasks tasks = transactions.register(new InMemoryTasks(transactions));
    public final InMemoryGoals goals = transactions.register(new InMemoryGoals(transactions, tasks));
    public final InMemoryDreams dreams = transactions.register(new InMemoryDreams(transactions, goals));
    public final InMemoryDiaryEntries diary = transactions.register(new InMemoryDiaryEntries(transactions));
    public final InMemoryAttachments attachments = transactions.register(new InMemoryAttachments(transactions));
    public final InMemoryBlobStore blobs = transactions.register(new InMemoryBlobStore(transactions, clock));
    public final AttachmentReferences references = new AttachmentReferences(attachments);

    public final DreamService dreamService = new DreamService(dreams, references, transactions, clock, ids);
    public final GoalService goalService = new GoalService(goals, dreams, transactions, clock, ids);
    public final TaskService taskService = new TaskService(tasks, goals, references, transactions, clock, ids);
    public final DiaryService diaryService = new DiaryService(diary, goals, references, transactions, clock, ids);
    public final AttachmentService attachmentService = new AttachmentService(attachments, blobs, transactions, clock, ids);

    public PlanningWorld() {
        attachments.detachOnDelete(dreams::detach);
        attachments.detachOnDelete(tasks::detach);
        attachments.detachOnDelete(diary::detach);
    }

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

    public Goal storedGoal(GoalId goal) {
        return goals.stored(goal).orElseThrow();
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
}
