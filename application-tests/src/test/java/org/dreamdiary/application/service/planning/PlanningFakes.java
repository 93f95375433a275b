package org.dreamdiary.application.service.planning;

import static org.dreamdiary.application.service.ExpectedVersions.isAt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.diary.MonthCount;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.application.port.out.planning.Tasks.TaskCounts;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.application.service.RecordingTransactions.Store;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Progress;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

/**
 * Hand-made, in-memory stand-ins for the outbound ports of the planning and diary use cases. They keep what the
 * ports' javadoc promises: every read scoped to the owner, the optimistic version check, a dream's count and
 * status from its goals, a goal's progress from its tasks, the cascades (a dream's goals lose their dream, a
 * goal's tasks go with it), gap-free task positions and the agenda's order. Public, because the diary tests in
 * a sibling package share them.
 */
public final class PlanningFakes {
    private PlanningFakes() {
    }

    /**
     * {@link RecordingTransactions} that also hold goal locks until the outermost transaction ends, and note task
     * writes made without their goal locked.
     */
    public static final class CountingTransactions extends RecordingTransactions {
        private final List<String> unlockedTaskWrites = new ArrayList<>();
        private final Set<GoalId> lockedGoals = new HashSet<>();

        @Override
        protected void outermostEnded() {
            lockedGoals.clear();
        }

        /** Called by the task store on every write: the goal of those tasks should be locked by now. */
        void writingTasksOf(GoalId goal, String what) {
            writing(what);
            if (!lockedGoals.contains(goal)) {
                unlockedTaskWrites.add(what);
            }
        }

        /** A lock taken outside a transaction ends with the statement, so it is not held. */
        void locking(GoalId goal) {
            if (inOpenTransaction()) {
                lockedGoals.add(goal);
            }
        }

        public List<String> unlockedTaskWrites() {
            return List.copyOf(unlockedTaskWrites);
        }
    }

    /** A clock that stands still until told to move. */
    public static final class SettableClock implements Clock {
        private Instant now;

        public SettableClock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        public void set(Instant to) {
            now = to;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** Ids 1, 2, 3, … in a recognisable time-ordered shape, so they sort like creation order. */
    public static final class SequentialIds implements Ids {
        private long next = 1;

        @Override
        public UUID next() {
            return new UUID(0x0000000000007000L, 0x8000000000000000L | next++);
        }
    }

    /** Dreams, each seen with the count and status of its goals. */
    public static final class InMemoryDreams implements Dreams, Store {
        private final CountingTransactions transactions;
        private final InMemoryGoals goals;
        private Map<DreamId, Dream> byId = new LinkedHashMap<>();

        public InMemoryDreams(CountingTransactions transactions, InMemoryGoals goals) {
            this.transactions = transactions;
            this.goals = goals;
        }

        @Override
        public Runnable checkpoint() {
            Map<DreamId, Dream> saved = new LinkedHashMap<>(byId);
            return () -> byId = saved;
        }

        @Override
        public void add(Dream dream) {
            transactions.writing("dreams.add");
            if (byId.putIfAbsent(dream.id(), dream) != null) {
                throw new IllegalStateException("dream " + dream.id() + " exists already");
            }
        }

        @Override
        public Optional<Dream> byId(UserId owner, DreamId id) {
            return Optional.ofNullable(byId.get(id)).filter(dream -> dream.owner().equals(owner));
        }

        @Override
        public Optional<DreamView> view(UserId owner, DreamId id) {
            return byId(owner, id).map(this::view);
        }

        @Override
        public Page<DreamView> list(UserId owner, DreamQuery query, PageRequest page) {
            Comparator<Dream> byCreation = Comparator.comparing(Dream::createdAt);
            Comparator<Dream> byName = Comparator.comparing(dream -> dream.name().value(), String.CASE_INSENSITIVE_ORDER);
            Comparator<Dream> byIdAsc = Comparator.comparing(dream -> dream.id().value());
            Comparator<Dream> order = switch (query.sort()) {
                case CREATED_ASC -> byCreation.thenComparing(byIdAsc);
                case CREATED_DESC -> byCreation.thenComparing(byIdAsc).reversed();
                case NAME_ASC -> byName.thenComparing(byIdAsc);
                case NAME_DESC -> byName.thenComparing(byIdAsc).reversed();
            };
            List<DreamView> matching = byId.values().stream()
                    .filter(dream -> dream.owner().equals(owner))
                    .filter(dream -> query.text().map(text -> mentions(text, dream.name().value(),
                            dream.description() == null ? null : dream.description().value())).orElse(true))
                    .sorted(order)
                    .map(this::view)
                    .filter(view -> query.status().map(status -> view.status() == status).orElse(true))
                    .toList();
            return slice(matching, page);
        }

        @Override
        public void update(Dream changed) {
            transactions.writing("dreams.update");
            Dream stored = byId.get(changed.id());
            if (stored == null || !stored.owner().equals(changed.owner()) || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the dream");
            }
            byId.put(changed.id(), changed);
        }

        @Override
        public boolean delete(UserId owner, DreamId id, OptionalLong expectedVersion) {
            transactions.writing("dreams.delete");
            if (byId(owner, id).filter(dream -> isAt(expectedVersion, dream.version())).isEmpty()) {
                return false;
            }
            byId.remove(id);
            goals.forgetDream(id);
            return true;
        }

        public int count() {
            return byId.size();
        }

        /** The link table's cascade when an attachment goes: each dream that held it loses it, at a new version. */
        public void detach(AttachmentId attachment) {
            for (Dream dream : List.copyOf(byId.values())) {
                if (holds(dream.attachments(), attachment)) {
                    byId.put(dream.id(), new Dream(dream.id(), dream.owner(), dream.name(), dream.description(),
                            without(dream.attachments(), attachment), dream.createdAt(), dream.updatedAt(),
                            dream.version() + 1));
                }
            }
        }

        private DreamView view(Dream dream) {
            List<Goal> ofDream = goals.ofDream(dream.id());
            return new DreamView(dream, ofDream.size(), DreamStatus.of(ofDream.stream().map(Goal::status).toList()));
        }
    }

    /** Goals, each seen with the progress of its tasks; a goal's tasks go with it. */
    public static final class InMemoryGoals implements Goals, Store {
        private final CountingTransactions transactions;
        private final InMemoryTasks tasks;
        private Map<GoalId, Goal> byId = new LinkedHashMap<>();

        public InMemoryGoals(CountingTransactions transactions, InMemoryTasks tasks) {
            this.transactions = transactions;
            this.tasks = tasks;
        }

        @Override
        public Runnable checkpoint() {
            Map<GoalId, Goal> saved = new LinkedHashMap<>(byId);
            return () -> byId = saved;
        }

        @Override
        public void add(Goal goal) {
            transactions.writing("goals.add");
            if (byId.putIfAbsent(goal.id(), goal) != null) {
                throw new IllegalStateException("goal " + goal.id() + " exists already");
            }
        }

        @Override
        public Optional<Goal> lock(UserId owner, GoalId id) {
            Optional<Goal> goal = byId(owner, id);
            goal.ifPresent(found -> transactions.locking(found.id()));
            return goal;
        }

        @Override
        public Optional<GoalView> view(UserId owner, GoalId id) {
            return byId(owner, id).map(this::view);
        }

        @Override
        public Page<GoalView> list(UserId owner, GoalQuery query, PageRequest page) {
            List<GoalView> matching = byId.values().stream()
                    .filter(goal -> goal.owner().equals(owner))
                    .filter(goal -> query.status().map(status -> goal.status() == status).orElse(true))
                    .filter(goal -> query.dream().map(dream -> dream.equals(goal.dream())).orElse(true))
                    .filter(goal -> query.dueBefore().map(day -> goal.dueDate() != null && goal.dueDate().isBefore(day))
                            .orElse(true))
                    .sorted(Comparator.comparing(Goal::createdAt).thenComparing(goal -> goal.id().value()).reversed())
                    .map(this::view)
                    .toList();
            return slice(matching, page);
        }

        @Override
        public void update(Goal changed) {
            transactions.writing("goals.update");
            Goal stored = byId.get(changed.id());
            if (stored == null || !stored.owner().equals(changed.owner()) || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the goal");
            }
            byId.put(changed.id(), changed);
        }

        @Override
        public boolean delete(UserId owner, GoalId id, OptionalLong expectedVersion) {
            transactions.writing("goals.delete");
            if (byId(owner, id).filter(goal -> isAt(expectedVersion, goal.version())).isEmpty()) {
                return false;
            }
            byId.remove(id);
            tasks.forgetGoal(id);
            return true;
        }

        @Override
        public Set<GoalId> existing(UserId owner, Collection<GoalId> ids) {
            return ids.stream().filter(id -> byId(owner, id).isPresent()).collect(Collectors.toSet());
        }

        /** The stored goal whoever owns it, for tests to look behind the ports. */
        public Optional<Goal> stored(GoalId id) {
            return Optional.ofNullable(byId.get(id));
        }

        public int count() {
            return byId.size();
        }

        List<Goal> ofDream(DreamId dream) {
            return byId.values().stream().filter(goal -> dream.equals(goal.dream())).toList();
        }

        /** The storage's {@code on delete set null}: the goals stay, without a dream; nothing else about them moves. */
        void forgetDream(DreamId dream) {
            for (Goal goal : ofDream(dream)) {
                byId.put(goal.id(), new Goal(goal.id(), goal.owner(), null, goal.name(), goal.description(), goal.dueDate(),
                        goal.status(), goal.createdAt(), goal.updatedAt(), goal.version()));
            }
        }

        private Optional<Goal> byId(UserId owner, GoalId id) {
            return Optional.ofNullable(byId.get(id)).filter(goal -> goal.owner().equals(owner));
        }

        private GoalView view(Goal goal) {
            TaskCounts counts = tasks.counts(goal.id());
            return new GoalView(goal, new Progress(counts.total() - counts.open(), counts.total()));
        }
    }

    /** Tasks, kept at positions 1..n within their goal, without gaps, whatever is added, moved or deleted. */
    public static final class InMemoryTasks implements Tasks, Store {
        private final CountingTransactions transactions;
        private Map<TaskId, Task> byId = new LinkedHashMap<>();

        public InMemoryTasks(CountingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public Runnable checkpoint() {
            Map<TaskId, Task> saved = new LinkedHashMap<>(byId);
            return () -> byId = saved;
        }

        /** Only at the end of its goal: anything else would leave a gap or a duplicate position. */
        @Override
        public void add(Task task) {
            transactions.writingTasksOf(task.goal(), "tasks.add");
            if (byId.containsKey(task.id())) {
                throw new IllegalStateException("task " + task.id() + " exists already");
            }
            long next = ofGoal(task.goal()).size() + 1L;
            if (task.position() != next) {
                throw new IllegalStateException("a new task goes to position " + next + ", not " + task.position());
            }
            byId.put(task.id(), task);
        }

        @Override
        public Optional<Task> byId(UserId owner, TaskId id) {
            return Optional.ofNullable(byId.get(id)).filter(task -> task.owner().equals(owner));
        }

        @Override
        public Page<Task> ofGoal(UserId owner, GoalId goal, Optional<Boolean> done, PageRequest page) {
            return slice(ofGoal(goal).stream()
                    .filter(task -> task.owner().equals(owner))
                    .filter(task -> done.map(wanted -> task.done() == wanted).orElse(true))
                    .toList(), page);
        }

        @Override
        public Page<Task> agenda(UserId owner, AgendaQuery query, LocalDate today, PageRequest page) {
            Predicate<Task> wanted = task -> task.owner().equals(owner)
                    && query.done().map(done -> task.done() == done).orElse(true)
                    && query.dueBefore().map(day -> task.dueDate() != null && task.dueDate().isBefore(day)).orElse(true)
                    && query.overdue().map(overdue -> task.overdue(today) == overdue).orElse(true);
            return slice(byId.values().stream()
                    .filter(wanted)
                    .sorted(Comparator.comparing(Task::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparingInt(Task::position)
                            .thenComparing(task -> task.id().value()))
                    .toList(), page);
        }

        @Override
        public void update(Task changed, int previousPosition) {
            transactions.writingTasksOf(changed.goal(), "tasks.update");
            Task stored = byId.get(changed.id());
            if (stored == null || !stored.owner().equals(changed.owner()) || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the task");
            }
            if (stored.position() != previousPosition) {
                throw new IllegalStateException("task " + changed.id() + " is at " + stored.position() + ", not "
                        + previousPosition);
            }
            int size = ofGoal(changed.goal()).size();
            int to = changed.position();
            if (to < 1 || to > size) {
                throw new IllegalStateException("position " + to + " is outside 1.." + size);
            }
            for (Task other : ofGoal(changed.goal())) {
                int at = other.position();
                if (other.id().equals(changed.id())) {
                    continue;
                }
                if (to < previousPosition && at >= to && at < previousPosition) {
                    byId.put(other.id(), at(other, at + 1));
                } else if (to > previousPosition && at > previousPosition && at <= to) {
                    byId.put(other.id(), at(other, at - 1));
                }
            }
            byId.put(changed.id(), changed);
        }

        @Override
        public boolean delete(Task task, OptionalLong expectedVersion) {
            transactions.writingTasksOf(task.goal(), "tasks.delete");
            Task stored = byId.get(task.id());
            if (stored == null || !stored.owner().equals(task.owner()) || !isAt(expectedVersion, stored.version())) {
                return false;
            }
            byId.remove(task.id());
            for (Task other : ofGoal(task.goal())) {
                if (other.position() > stored.position()) {
                    byId.put(other.id(), at(other, other.position() - 1));
                }
            }
            return true;
        }

        @Override
        public TaskCounts counts(GoalId goal) {
            List<Task> tasks = ofGoal(goal);
            return new TaskCounts(tasks.size(), tasks.stream().filter(task -> !task.done()).count());
        }

        /** The stored task whoever owns it, for tests to look behind the ports. */
        public Optional<Task> stored(TaskId id) {
            return Optional.ofNullable(byId.get(id));
        }

        public int count() {
            return byId.size();
        }

        /** The link table's cascade when an attachment goes: each task that held it loses it, at a new version. */
        public void detach(AttachmentId attachment) {
            for (Task task : List.copyOf(byId.values())) {
                if (holds(task.attachments(), attachment)) {
                    byId.put(task.id(), new Task(task.id(), task.owner(), task.goal(), task.text(), task.notes(),
                            task.dueDate(), task.done(), task.completedAt(), task.position(),
                            without(task.attachments(), attachment), task.createdAt(), task.updatedAt(),
                            task.version() + 1));
                }
            }
        }

        /** The goal's tasks in position order. */
        List<Task> ofGoal(GoalId goal) {
            return byId.values().stream()
                    .filter(task -> task.goal().equals(goal))
                    .sorted(Comparator.comparingInt(Task::position))
                    .toList();
        }

        /** The storage's cascade when a goal goes. */
        void forgetGoal(GoalId goal) {
            byId.values().removeIf(task -> task.goal().equals(goal));
        }

        /** A neighbour moved to make room: only its position changes, as an {@code update … set position} would do. */
        private static Task at(Task task, int position) {
            return new Task(task.id(), task.owner(), task.goal(), task.text(), task.notes(), task.dueDate(), task.done(),
                    task.completedAt(), position, task.attachments(), task.createdAt(), task.updatedAt(), task.version());
        }
    }

    /** Diary entries with the aggregates the statistics need. */
    public static final class InMemoryDiaryEntries implements DiaryEntries, Store {
        private final CountingTransactions transactions;
        private Map<DiaryEntryId, DiaryEntry> byId = new LinkedHashMap<>();

        public InMemoryDiaryEntries(CountingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public Runnable checkpoint() {
            Map<DiaryEntryId, DiaryEntry> saved = new LinkedHashMap<>(byId);
            return () -> byId = saved;
        }

        @Override
        public void add(DiaryEntry entry) {
            transactions.writing("diary.add");
            if (byId.putIfAbsent(entry.id(), entry) != null) {
                throw new IllegalStateException("diary entry " + entry.id() + " exists already");
            }
        }

        @Override
        public Optional<DiaryEntry> byId(UserId owner, DiaryEntryId id) {
            return Optional.ofNullable(byId.get(id)).filter(entry -> entry.owner().equals(owner));
        }

        @Override
        public Page<DiaryEntry> list(UserId owner, DiaryQuery query, PageRequest page) {
            return slice(ofOwner(owner).stream()
                    .filter(entry -> query.from().map(from -> !entry.entryDate().isBefore(from)).orElse(true))
                    .filter(entry -> query.to().map(to -> !entry.entryDate().isAfter(to)).orElse(true))
                    .filter(entry -> query.mood().map(mood -> mood.equals(entry.mood())).orElse(true))
                    .filter(entry -> query.text().map(text -> mentions(text,
                            entry.title() == null ? null : entry.title().value(), entry.text().value())).orElse(true))
                    .sorted(Comparator.comparing(DiaryEntry::entryDate)
                            .thenComparing(entry -> entry.id().value()).reversed())
                    .toList(), page);
        }

        @Override
        public void update(DiaryEntry changed) {
            transactions.writing("diary.update");
            DiaryEntry stored = byId.get(changed.id());
            if (stored == null || !stored.owner().equals(changed.owner()) || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the diary entry");
            }
            byId.put(changed.id(), changed);
        }

        @Override
        public boolean delete(UserId owner, DiaryEntryId id, OptionalLong expectedVersion) {
            transactions.writing("diary.delete");
            if (byId(owner, id).filter(entry -> isAt(expectedVersion, entry.version())).isEmpty()) {
                return false;
            }
            byId.remove(id);
            return true;
        }

        /** Months in calendar order; the average over the entries that have a mood. */
        @Override
        public Totals totals(UserId owner) {
            List<DiaryEntry> entries = ofOwner(owner);
            OptionalDouble averageMood = entries.stream()
                    .filter(entry -> entry.mood() != null)
                    .mapToInt(entry -> entry.mood().value())
                    .average();
            TreeSet<LocalDate> days = entries.stream().map(DiaryEntry::entryDate)
                    .collect(Collectors.toCollection(TreeSet::new));
            TreeMap<YearMonth, Long> perMonth = entries.stream().collect(Collectors.groupingBy(
                    entry -> YearMonth.from(entry.entryDate()), TreeMap::new, Collectors.counting()));
            List<MonthCount> months = perMonth.entrySet().stream()
                    .map(month -> new MonthCount(month.getKey(), month.getValue()))
                    .toList();
            return new Totals(entries.size(), averageMood, days, months);
        }

        /** The stored entry whoever owns it, for tests to look behind the ports. */
        public Optional<DiaryEntry> stored(DiaryEntryId id) {
            return Optional.ofNullable(byId.get(id));
        }

        public int count() {
            return byId.size();
        }

        /** The link table's cascade when an attachment goes: each entry that held it loses it, at a new version. */
        public void detach(AttachmentId attachment) {
            for (DiaryEntry entry : List.copyOf(byId.values())) {
                if (holds(entry.attachments(), attachment)) {
                    byId.put(entry.id(), new DiaryEntry(entry.id(), entry.owner(), entry.entryDate(), entry.title(),
                            entry.text(), entry.mood(), entry.goals(), without(entry.attachments(), attachment),
                            entry.createdAt(), entry.updatedAt(), entry.version() + 1));
                }
            }
        }

        private List<DiaryEntry> ofOwner(UserId owner) {
            return byId.values().stream().filter(entry -> entry.owner().equals(owner)).toList();
        }
    }

    /** A stand-in for full-text search: every word of the query appears in one of the texts, ignoring case. */
    static boolean mentions(String query, String... texts) {
        String haystack = Arrays.stream(texts)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isEmpty())
                .allMatch(haystack::contains);
    }

    private static boolean holds(List<Attachment> held, AttachmentId attachment) {
        return held.stream().anyMatch(each -> each.id().equals(attachment));
    }

    private static List<Attachment> without(List<Attachment> held, AttachmentId attachment) {
        return held.stream().filter(each -> !each.id().equals(attachment)).toList();
    }

    static <T> Page<T> slice(List<T> all, PageRequest page) {
        return new Page<>(all.stream().skip(page.offset()).limit(page.perPage()).toList(), all.size(), page);
    }
}
