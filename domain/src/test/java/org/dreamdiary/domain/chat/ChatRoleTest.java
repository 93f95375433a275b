package org.dreamdiary.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.ForbiddenException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

class ChatRoleTest {
    private final UserId owner = new UserId(UUID.randomUUID());
    private final UserId member = new UserId(UUID.randomUUID());
    private final UserId other = new UserId(UUID.randomUUID());

    @Test
    void givenAnOutsider_whenDoingAnything_thenTheChatDoesNotExistForThem() {
        assertThatThrownBy(ChatRole.OUTSIDER::requireMember).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(ChatRole.OUTSIDER::requireOwner).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ChatRole.OUTSIDER.requireMayRemove(other, other, owner)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ChatRole.OUTSIDER.requireMayEdit(other, other)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ChatRole.OUTSIDER.requireMayDelete(other, other)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAMember_whenDoingOwnerOnlyThings_thenForbidden() {
        assertThatCode(ChatRole.MEMBER::requireMember).doesNotThrowAnyException();
        assertThatThrownBy(ChatRole.MEMBER::requireOwner).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ChatRole.MEMBER.requireMayRemove(member, other, owner)).isInstanceOf(ForbiddenException.class);
        // removing the owner is someone else too: a member is refused for that, not told the owner cannot leave
        assertThatThrownBy(() -> ChatRole.MEMBER.requireMayRemove(member, owner, owner)).isInstanceOf(ForbiddenException.class);
        assertThatCode(ChatRole.OWNER::requireOwner).doesNotThrowAnyException();
    }

    @Test
    void givenAMember_whenLeaving_thenAllowed_butTheOwnerCannotLeave() {
        assertThatCode(() -> ChatRole.MEMBER.requireMayRemove(member, member, owner)).doesNotThrowAnyException();
        assertThatCode(() -> ChatRole.OWNER.requireMayRemove(owner, member, owner)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ChatRole.OWNER.requireMayRemove(owner, owner, owner)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyTheAuthorEditsAndTheAuthorOrOwnerDeletes() {
        assertThatCode(() -> ChatRole.MEMBER.requireMayEdit(member, member)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ChatRole.OWNER.requireMayEdit(owner, member)).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> ChatRole.MEMBER.requireMayDelete(member, member)).doesNotThrowAnyException();
        assertThatCode(() -> ChatRole.OWNER.requireMayDelete(owner, member)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ChatRole.MEMBER.requireMayDelete(member, other)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theCreatorOwnsTheChatAndOthersAreMembersOnlyWhenAdded() {
        Chat chat = Chat.create(new ChatId(UUID.randomUUID()), owner, new ChatTitle("Team"), java.time.Instant.EPOCH);
        assertThat(chat.roleOf(owner, false)).isEqualTo(ChatRole.OWNER);
        assertThat(chat.roleOf(member, true)).isEqualTo(ChatRole.MEMBER);
        assertThat(chat.roleOf(other, false)).isEqualTo(ChatRole.OUTSIDER);
        assertThat(chat.retitle(new ChatTitle("Renamed"), java.time.Instant.EPOCH.plusSeconds(1)).version()).isEqualTo(2);
    }

    @Test
    void editingAMessageSetsEditedAtAndKeepsItsAuthorAndTime() {
        java.time.Instant posted = java.time.Instant.parse("2026-11-21T10:00:00Z");
        Message message = Message.post(new MessageId(UUID.randomUUID()), new ChatId(UUID.randomUUID()), member,
                new MessageText("hi"), posted);
        assertThat(message.editedAt()).isNull();
        Message edited = message.edit(new MessageText("hello"), posted.plusSeconds(60));
        assertThat(edited.editedAt()).isEqualTo(posted.plusSeconds(60));
        assertThat(edited.createdAt()).isEqualTo(posted);
        assertThat(edited.author()).isEqualTo(member);
        assertThat(edited.version()).isEqualTo(2);
    }

    @Test
    void titlesAndTextsCountCodePoints() {
        assertThatCode(() -> new ChatTitle("😀".repeat(200))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ChatTitle("😀".repeat(201))).hasMessage("must be 1 to 200 characters");
        assertThatThrownBy(() -> new ChatTitle("")).hasMessage("must be 1 to 200 characters");
        assertThatCode(() -> new MessageText("x".repeat(5000))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new MessageText("x".repeat(5001))).hasMessage("must be 1 to 5000 characters");
    }
}
