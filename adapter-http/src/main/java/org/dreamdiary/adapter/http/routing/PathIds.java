package org.dreamdiary.adapter.http.routing;

import io.javalin.http.Context;
import java.util.UUID;
import org.dreamdiary.adapter.http.json.Uuids;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

/**
 * The ids in paths, read the same way by every room that routes under them ({@code /chats/{id}/…} by the chat,
 * message and live routes alike). A malformed one names nothing, so it is a {@code 404} naming what was looked
 * for, never a {@code 400} or a {@code 500}.
 */
public final class PathIds {
    private PathIds() {
    }

    public static UserId user(Context ctx) {
        return new UserId(uuid(ctx, "id", "user"));
    }

    /** A chat member's user id, {@code {user_id}} under a chat. */
    public static UserId member(Context ctx) {
        return new UserId(uuid(ctx, "user_id", "member"));
    }

    public static DreamId dream(Context ctx) {
        return new DreamId(uuid(ctx, "id", "dream"));
    }

    public static GoalId goal(Context ctx) {
        return new GoalId(uuid(ctx, "id", "goal"));
    }

    public static TaskId task(Context ctx) {
        return new TaskId(uuid(ctx, "id", "task"));
    }

    public static DiaryEntryId diaryEntry(Context ctx) {
        return new DiaryEntryId(uuid(ctx, "id", "diary entry"));
    }

    public static AttachmentId attachment(Context ctx) {
        return new AttachmentId(uuid(ctx, "id", "attachment"));
    }

    public static ChatId chat(Context ctx) {
        return new ChatId(uuid(ctx, "id", "chat"));
    }

    public static MessageId message(Context ctx) {
        return new MessageId(uuid(ctx, "id", "message"));
    }

    /** The id in {@code param}, a {@code 404} naming {@code what} when it is not a UUID. */
    public static UUID uuid(Context ctx, String param, String what) {
        UUID id = Uuids.parseOrNull(ctx.pathParam(param));
        if (id == null) {
            throw new NotFoundException(what);
        }
        return id;
    }
}
