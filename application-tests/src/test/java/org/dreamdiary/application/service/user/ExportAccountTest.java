package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.application.port.in.ExportAccount.Archive;
import org.dreamdiary.application.port.in.ExportAccount.ChatArchive;
import org.dreamdiary.application.port.in.ExportAccount.Rows;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.User;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ExportAccountTest {
    private static final LocalDate CLOCKS_TODAY = LocalDate.ofInstant(UserWorld.START, ZoneOffset.UTC);

    @AutoClose
    private final UserWorld world = new UserWorld();
    private final User alice = world.registered("alice").user();

    /** The machine's date is years past the fake clock's: by it, every task below would be overdue. */
    @Test
    void givenTasksDueAroundTheClocksToday_whenExported_thenTheyAreOverdueAsOfTheClockNotTheMachinesDate() {
        List.of(task("due yesterday", CLOCKS_TODAY.minusDays(1)), task("due today", CLOCKS_TODAY),
                task("due tomorrow", CLOCKS_TODAY.plusDays(1))).forEach(world.storage.tasks()::add);

        assertThat(exportedOverdueFlags())
                .isEqualTo(Map.of("due yesterday", true, "due today", false, "due tomorrow", false));

        world.clock.advance(Duration.ofDays(1));

        assertThat(exportedOverdueFlags())
                .isEqualTo(Map.of("due yesterday", true, "due today", true, "due tomorrow", false));
    }

    private Task task(String text, LocalDate dueDate) {
        return Task.create(new TaskId(UUID.randomUUID()), alice.id(), new GoalId(UUID.randomUUID()), new TaskText(text),
                null, dueDate, 1, List.of(), UserWorld.START);
    }

    private Map<String, Boolean> exportedOverdueFlags() {
        Map<String, Boolean> flags = new HashMap<>();
        world.export.export(alice.id(), new TasksOnly(flags));
        return flags;
    }

    /** An archive that keeps each exported task's overdue flag by its text and looks at nothing else. */
    private record TasksOnly(Map<String, Boolean> flags) implements Archive {
        @Override
        public void tasks(Rows<TaskView> tasks) {
            tasks.forEach(view -> flags.put(view.task().text().value(), view.overdue()));
        }

        @Override
        public void profile(Instant exportedAt, User profile) {
        }

        @Override
        public void dreams(Rows<DreamView> dreams) {
        }

        @Override
        public void goals(Rows<GoalView> goals) {
        }

        @Override
        public void diary(Rows<DiaryEntry> diary) {
        }

        @Override
        public void attachments(Rows<Attachment> attachments) {
        }

        @Override
        public void chats(Rows<ChatArchive> chats) {
        }

        @Override
        public void messages(Rows<Message> messages) {
        }
    }
}
