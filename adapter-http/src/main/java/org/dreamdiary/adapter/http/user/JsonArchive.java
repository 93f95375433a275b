package org.dreamdiary.adapter.http.user;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dreamdiary.adapter.http.attachment.AttachmentResource;
import org.dreamdiary.adapter.http.chat.ChatResources.ChatResource;
import org.dreamdiary.adapter.http.chat.ChatResources.MessageResource;
import org.dreamdiary.adapter.http.diary.DiaryResources.DiaryEntryResource;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.planning.PlanningResources.DreamResource;
import org.dreamdiary.adapter.http.planning.PlanningResources.GoalResource;
import org.dreamdiary.adapter.http.planning.PlanningResources.TaskResource;
import org.dreamdiary.adapter.http.user.UserResources.OwnProfile;
import org.dreamdiary.application.port.in.ExportAccount;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.user.User;

/**
 * The export as one JSON document, written to the response while it is read: {@code exported_at}, {@code profile},
 * then one array per part ({@code chats} holding {@code {chat, messages}} objects), each item in the shape its own
 * route gives it. The response is opened at the first part, so a failure before it still gets a problem response.
 */
final class JsonArchive implements ExportAccount.Archive {
    private final Supplier<OutputStream> response;
    private JsonGenerator json;

    JsonArchive(Supplier<OutputStream> response) {
        this.response = response;
    }

    @Override
    public void profile(Instant exportedAt, User profile) {
        json = Json.generator(response.get());
        write(() -> {
            json.writeStartObject();
            json.writeObjectField("exported_at", exportedAt);
            json.writeObjectField("profile", OwnProfile.of(profile));
        });
    }

    @Override
    public void dreams(ExportAccount.Rows<DreamView> dreams) {
        array("dreams", dreams, DreamResource::of);
    }

    @Override
    public void goals(ExportAccount.Rows<GoalView> goals) {
        array("goals", goals, GoalResource::of);
    }

    @Override
    public void tasks(ExportAccount.Rows<TaskView> tasks) {
        array("tasks", tasks, TaskResource::of);
    }

    @Override
    public void diary(ExportAccount.Rows<DiaryEntry> diary) {
        array("diary", diary, DiaryEntryResource::of);
    }

    @Override
    public void attachments(ExportAccount.Rows<Attachment> attachments) {
        array("attachments", attachments, AttachmentResource::of);
    }

    @Override
    public void chats(ExportAccount.Rows<ExportAccount.ChatArchive> chats) {
        write(() -> json.writeArrayFieldStart("chats"));
        chats.forEach(archive -> {
            write(() -> {
                json.writeStartObject();
                json.writeObjectField("chat", ChatResource.of(archive.chat()));
            });
            array("messages", archive.messages(), MessageResource::of);
            write(json::writeEndObject);
        });
        write(json::writeEndArray);
    }

    @Override
    public void messages(ExportAccount.Rows<Message> messages) {
        array("messages", messages, MessageResource::of);
    }

    /** Closes the document once every part is in. */
    void finish() {
        write(() -> {
            json.writeEndObject();
            json.close();
        });
    }

    private <T> void array(String name, ExportAccount.Rows<T> rows, Function<T, ?> resource) {
        write(() -> json.writeArrayFieldStart(name));
        rows.forEach(row -> write(() -> json.writeObject(resource.apply(row))));
        write(json::writeEndArray);
    }

    private static void write(Writing step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Writing {
        void run() throws IOException;
    }
}
