package org.dreamdiary.adapter.http.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.dreamdiary.adapter.http.chat.ChatResources.ChatResource;
import org.dreamdiary.adapter.http.chat.ChatResources.MessageResource;
import org.dreamdiary.adapter.http.planning.PlanningResources.DiaryEntryResource;
import org.dreamdiary.adapter.http.profile.UserProfiles;
import org.dreamdiary.adapter.http.planning.PlanningResources.DreamResource;
import org.dreamdiary.adapter.http.planning.PlanningResources.GoalResource;
import org.dreamdiary.adapter.http.planning.PlanningResources.TaskResource;
import org.dreamdiary.application.port.in.ExportAccount.AccountExport;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.domain.user.User;

/** The JSON shapes of users and tokens. */
final class UserResources {
    static final String BASE = UserProfiles.BASE;

    private UserResources() {
    }

    /** The caller's own profile, with the private parts. */
    record OwnProfile(String id, String username, String fullName, String email, String phoneNumber, String avatarUrl,
                      Instant createdAt, @JsonProperty("_links") UserProfiles.Links links) {
        static OwnProfile of(User user) {
            return new OwnProfile(user.id().toString(), user.username().value(),
                    user.fullName() == null ? null : user.fullName().value(),
                    user.email() == null ? null : user.email().value(),
                    user.phoneNumber() == null ? null : user.phoneNumber().value(),
                    UserProfiles.avatarUrlOf(user), user.createdAt(), new UserProfiles.Links(BASE + user.id()));
        }
    }

    record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {
        static Tokens of(TokenPair pair) {
            return new Tokens(pair.accessToken(), "Bearer", pair.expiresInSeconds(), pair.refreshToken());
        }
    }

    record Registered(OwnProfile user, String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }

    record ChatArchiveResource(ChatResource chat, List<MessageResource> messages) {
    }

    record Export(Instant exportedAt, OwnProfile profile, List<DreamResource> dreams, List<GoalResource> goals,
                  List<TaskResource> tasks, List<DiaryEntryResource> diary, List<ChatArchiveResource> chats,
                  List<MessageResource> messages) {
        static Export of(AccountExport export) {
            return new Export(export.exportedAt(), OwnProfile.of(export.profile()),
                    export.dreams().stream().map(DreamResource::of).toList(),
                    export.goals().stream().map(GoalResource::of).toList(),
                    export.tasks().stream().map(TaskResource::of).toList(),
                    export.diary().stream().map(DiaryEntryResource::of).toList(),
                    export.chats().stream().map(archive -> new ChatArchiveResource(ChatResource.of(archive.chat()),
                            archive.messages().stream().map(MessageResource::of).toList())).toList(),
                    export.messages().stream().map(MessageResource::of).toList());
        }
    }
}
