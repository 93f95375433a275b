package org.dreamdiary.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.out.AccountRecords;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * An account's rows through a server-side cursor: each part is one statement whose rows arrive {@link #FETCH_SIZE}
 * at a time (PostgreSQL keeps the cursor open while the caller's transaction lasts) and go to the consumer one by
 * one. The views are the same statements the paged lists run, without their pages; what dreams, tasks and diary
 * entries hold comes with one more statement per {@link #FETCH_SIZE} rows.
 */
public final class JdbiAccountRecords implements AccountRecords {
    /** Rows per round trip: enough to keep the trips few, few enough to keep the memory small. */
    static final int FETCH_SIZE = 500;

    private final Jdbi jdbi;

    public JdbiAccountRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void dreams(UserId owner, Consumer<DreamView> each) {
        streamInBatches(JdbiDreams.VIEW + " WHERE d.owner_id = :owner ORDER BY d.created_at, d.id",
                Map.of("owner", owner.value()), JdbiDreams::toView, (handle, batch) -> JdbiDreams.views(handle, owner, batch),
                each);
    }

    @Override
    public void goals(UserId owner, Consumer<GoalView> each) {
        stream(JdbiGoals.VIEW + " WHERE g.owner_id = :owner ORDER BY g.created_at DESC, g.id DESC",
                Map.of("owner", owner.value()), JdbiGoals::toView, each);
    }

    @Override
    public void tasks(UserId owner, Consumer<Task> each) {
        streamInBatches("SELECT " + JdbiTasks.COLUMNS + " FROM tasks WHERE owner_id = :owner"
                        + " ORDER BY due_date NULLS LAST, position, id", Map.of("owner", owner.value()), JdbiTasks::toTask,
                (handle, batch) -> JdbiTasks.holding(handle, owner, batch), each);
    }

    @Override
    public void diary(UserId owner, Consumer<DiaryEntry> each) {
        streamInBatches(JdbiDiaryEntries.SELECT + " WHERE e.owner_id = :owner ORDER BY e.entry_date DESC, e.id DESC",
                Map.of("owner", owner.value()), JdbiDiaryEntries::toEntry,
                (handle, batch) -> JdbiDiaryEntries.holding(handle, owner, batch), each);
    }

    @Override
    public void ownedChats(UserId owner, Consumer<ChatView> each) {
        stream(JdbiChats.SELECT + " WHERE c.owner_id = :caller"
                        + " ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id DESC",
                Map.of("caller", owner.value()), JdbiChats::toView, each);
    }

    @Override
    public void attachments(UserId owner, Consumer<Attachment> each) {
        stream("SELECT " + AttachmentRows.COLUMNS + " FROM attachments a WHERE a.owner_id = :owner"
                + " ORDER BY a.created_at DESC, a.id DESC", Map.of("owner", owner.value()),
                (row, ctx) -> AttachmentRows.map(row), each);
    }

    @Override
    public void messagesOf(UserId owner, ChatId chat, Consumer<Message> each) {
        stream("SELECT " + JdbiMessages.COLUMNS + " FROM messages m JOIN chats c ON c.id = m.chat_id"
                        + " WHERE m.chat_id = :chat AND c.owner_id = :owner ORDER BY m.id",
                Map.of("chat", chat.value(), "owner", owner.value()), JdbiMessages::toMessage, each);
    }

    @Override
    public void messagesBy(UserId author, Consumer<Message> each) {
        stream("SELECT " + JdbiMessages.COLUMNS + " FROM messages m WHERE m.author_id = :author ORDER BY m.id",
                Map.of("author", author.value()), JdbiMessages::toMessage, each);
    }

    /**
     * Like {@link #stream}, for rows that hold attachments: they are gathered {@link #FETCH_SIZE} at a time and
     * {@code completed} with what they hold in one more statement per batch, read while the cursor stays open.
     */
    private <T> void streamInBatches(String sql, Map<String, Object> params, RowMapper<T> mapper,
                                     BiFunction<Handle, List<T>, List<T>> completed, Consumer<T> each) {
        jdbi.useHandle(handle -> {
            List<T> batch = new ArrayList<>(FETCH_SIZE);
            try (Stream<T> rows = handle.createQuery(sql).bindMap(params).setFetchSize(FETCH_SIZE).map(mapper).stream()) {
                rows.forEach(row -> {
                    batch.add(row);
                    if (batch.size() == FETCH_SIZE) {
                        completed.apply(handle, batch).forEach(each);
                        batch.clear();
                    }
                });
            }
            completed.apply(handle, batch).forEach(each);
        });
    }

    private <T> void stream(String sql, Map<String, Object> params, RowMapper<T> mapper, Consumer<T> each) {
        jdbi.useHandle(handle -> {
            try (Stream<T> rows = handle.createQuery(sql).bindMap(params).setFetchSize(FETCH_SIZE).map(mapper).stream()) {
                rows.forEach(each);
            }
        });
    }
}
