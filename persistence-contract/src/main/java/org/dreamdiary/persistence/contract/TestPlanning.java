package org.dreamdiary.persistence.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * Test data of the planning and diary ports: {@code aDream(owner).named("Sail").storedIn(storage)} writes a dream
 * through the store's own port and returns what it wrote; {@code build()} only builds. Whatever a test leaves out
 * has a plain default. Timestamps are whole microseconds, as PostgreSQL keeps them.
 */
public final class TestPlanning {
    /** When what a test writes was created, unless it says otherwise. */
    public static final Instant T0 = Instant.parse("2026-11-01T08:00:00.123456Z");
    /** The day the tests take as today, where a port asks for one. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private TestPlanning() {
    }

    /** A user newly registered in {@code storage}, to own what one test writes. */
    public static UserId anOwner(Storage storage) {
        User user = TestUsers.aUser().build();
        storage.users().add(user);
        return user.id();
    }

    /**
     * {@code count} ids in ascending order as every store sorts ids (PostgreSQL's {@code uuid} order: byte by byte,
     * unsigned), for tests of how ties are broken. Some begin with the high bit set, so that a signed comparison, as
     * {@link UUID#compareTo} makes, puts them in another order.
     */
    public static List<UUID> ascendingIds(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long firstByte = 0x40 + 0x80L * i / count;
            ids.add(new UUID(firstByte << 56 | ThreadLocalRandom.current().nextLong() >>> 8,
                    ThreadLocalRandom.current().nextLong()));
        }
        return ids;
    }

    /** A link of the owner's, stored as an attachment of {@code storage}, for things to hold. */
    public static Attachment aStoredLink(Storage storage, UserId owner, String url) {
        Attachment link = Attachment.ofLink(new AttachmentId(UUID.randomUUID()), owner, new LinkUrl(url), T0);
        storage.attachments().add(link);
        return link;
    }

    /** A picture of the owner's, stored as an attachment of {@code storage} (its metadata; it needs no bytes here). */
    public static Attachment aStoredImage(Storage storage, UserId owner, String fileName) {
        StoredFile file = new StoredFile(FileFormat.PNG, 1234, new Sha256("0f".repeat(32)), new ImageSize(800, 600),
                new FileName(fileName));
        Attachment image = Attachment.ofFile(new AttachmentId(UUID.randomUUID()), owner, file, T0);
        storage.attachments().add(image);
        return image;
    }

    public static DreamBuilder aDream(UserId owner) {
        return new DreamBuilder(owner);
    }

    public static GoalBuilder aGoal(UserId owner) {
        return new GoalBuilder(owner);
    }

    /** A task of {@code goal}, of the goal's owner. */
    public static TaskBuilder aTask(Goal goal) {
        return new TaskBuilder(goal);
    }

    public static EntryBuilder anEntry(UserId owner) {
        return new EntryBuilder(owner);
    }

    public static final class DreamBuilder {
        private final UserId owner;
        private UUID id = UUID.randomUUID();
        private String name = "A dream";
        private String description;
        private List<Attachment> attachments = List.of();
        private Instant createdAt = T0;

        private DreamBuilder(UserId owner) {
            this.owner = owner;
        }

        public DreamBuilder withId(UUID newId) {
            id = newId;
            return this;
        }

        public DreamBuilder named(String newName) {
            name = newName;
            return this;
        }

        public DreamBuilder describedAs(String newDescription) {
            description = newDescription;
            return this;
        }

        public DreamBuilder holding(Attachment... held) {
            attachments = List.of(held);
            return this;
        }

        public DreamBuilder createdAt(Instant when) {
            createdAt = when;
            return this;
        }

        public Dream build() {
            return Dream.create(new DreamId(id), owner, new Name(name),
                    description == null ? null : new Description(description), attachments, createdAt);
        }

        public Dream storedIn(Storage storage) {
            Dream dream = build();
            storage.dreams().add(dream);
            return dream;
        }
    }

    public static final class GoalBuilder {
        private final UserId owner;
        private UUID id = UUID.randomUUID();
        private DreamId dream;
        private String name = "A goal";
        private String description;
        private LocalDate dueDate;
        private GoalStatus status = GoalStatus.ACTIVE;
        private Instant createdAt = T0;

        private GoalBuilder(UserId owner) {
            this.owner = owner;
        }

        public GoalBuilder withId(UUID newId) {
            id = newId;
            return this;
        }

        public GoalBuilder of(Dream newDream) {
            dream = newDream.id();
            return this;
        }

        public GoalBuilder named(String newName) {
            name = newName;
            return this;
        }

        public GoalBuilder describedAs(String newDescription) {
            description = newDescription;
            return this;
        }

        public GoalBuilder due(LocalDate day) {
            dueDate = day;
            return this;
        }

        public GoalBuilder in(GoalStatus newStatus) {
            status = newStatus;
            return this;
        }

        public GoalBuilder createdAt(Instant when) {
            createdAt = when;
            return this;
        }

        public Goal build() {
            return new Goal(new GoalId(id), owner, dream, new Name(name),
                    description == null ? null : new Description(description), dueDate, status, createdAt, createdAt, 1);
        }

        public Goal storedIn(Storage storage) {
            Goal goal = build();
            storage.goals().add(goal);
            return goal;
        }
    }

    /** Without {@link #at}, a task stored goes to the end of its goal, as a use case adds it. */
    public static final class TaskBuilder {
        private final Goal goal;
        private UUID id = UUID.randomUUID();
        private String text = "A task";
        private String notes;
        private LocalDate dueDate;
        private boolean done;
        private int position;
        private List<Attachment> attachments = List.of();

        private TaskBuilder(Goal goal) {
            this.goal = goal;
        }

        public TaskBuilder withId(UUID newId) {
            id = newId;
            return this;
        }

        public TaskBuilder saying(String newText) {
            text = newText;
            return this;
        }

        public TaskBuilder withNotes(String newNotes) {
            notes = newNotes;
            return this;
        }

        public TaskBuilder due(LocalDate day) {
            dueDate = day;
            return this;
        }

        /** Done since {@link #T0}. */
        public TaskBuilder done() {
            done = true;
            return this;
        }

        public TaskBuilder at(int newPosition) {
            position = newPosition;
            return this;
        }

        public TaskBuilder holding(Attachment... held) {
            attachments = List.of(held);
            return this;
        }

        public Task build() {
            return new Task(new TaskId(id), goal.owner(), goal.id(), new TaskText(text),
                    notes == null ? null : new Notes(notes), dueDate, done, done ? T0 : null, position, attachments, T0,
                    T0, 1);
        }

        public Task storedIn(Storage storage) {
            if (position == 0) {
                position = (int) storage.tasks().counts(goal.id()).total() + 1;
            }
            Task task = build();
            storage.tasks().add(task);
            return task;
        }
    }

    public static final class EntryBuilder {
        private final UserId owner;
        private UUID id = UUID.randomUUID();
        private LocalDate date = TODAY;
        private String title;
        private String text = "An entry";
        private Integer mood;
        private List<GoalId> goals = List.of();
        private List<Attachment> attachments = List.of();

        private EntryBuilder(UserId owner) {
            this.owner = owner;
        }

        public EntryBuilder withId(UUID newId) {
            id = newId;
            return this;
        }

        public EntryBuilder on(LocalDate day) {
            date = day;
            return this;
        }

        public EntryBuilder titled(String newTitle) {
            title = newTitle;
            return this;
        }

        public EntryBuilder saying(String newText) {
            text = newText;
            return this;
        }

        public EntryBuilder feeling(int newMood) {
            mood = newMood;
            return this;
        }

        public EntryBuilder about(Goal... linked) {
            goals = Arrays.stream(linked).map(Goal::id).toList();
            return this;
        }

        public EntryBuilder holding(Attachment... held) {
            attachments = List.of(held);
            return this;
        }

        public DiaryEntry build() {
            return new DiaryEntry(new DiaryEntryId(id), owner, date, title == null ? null : new DiaryTitle(title),
                    new DiaryText(text), mood == null ? null : new Mood(mood), goals, attachments, T0, T0, 1);
        }

        public DiaryEntry storedIn(Storage storage) {
            DiaryEntry entry = build();
            storage.diaryEntries().add(entry);
            return entry;
        }
    }
}
