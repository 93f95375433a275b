package org.dreamdiary.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.VersionPreconditions.chatAt;
import static org.dreamdiary.application.service.VersionPreconditions.messageAt;
import static org.dreamdiary.application.service.chat.ChatWorld.ALICE;
import static org.dreamdiary.application.service.chat.ChatWorld.BOB;
import static org.dreamdiary.application.service.chat.ChatWorld.DAVE;

import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.port.in.chat.GetChat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.ForbiddenException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The version a chat's or a message's change expects is checked by the use case that changes it, as it writes. */
class ConditionalChatChangesTest {
    @AutoClose
    private final ChatWorld world = new ChatWorld();

    @Test
    void givenAChatRenamedSinceItWasRead_whenDeletingItUnderTheOldVersion_thenStaleAndNothingIsDeletedOrPublished() {
        ChatId team = world.team();
        world.chatService.rename(ALICE, team, Change.to(new ChatTitle("Crew")), chatAt(1));

        assertThatThrownBy(() -> world.chatService.delete(ALICE, team, chatAt(1))).isInstanceOf(StaleVersionException.class);

        assertThat(world.chatService.overview(BOB, team, 1).chat().chat().title()).isEqualTo(new ChatTitle("Crew"));
        assertThat(world.events.published()).isEmpty();
    }

    @Test
    void givenAMessagePostedSinceTheChatWasRead_whenRenamingItAtTheVersionRead_thenRenamed() {
        ChatId team = world.team();
        ChatOverview read = world.chatService.overview(ALICE, team, GetChat.DEFAULT_LIMIT);
        world.say(BOB, team, "hello");

        // a message is not the chat's own state: the version guards the title, which the message left alone
        world.chatService.rename(ALICE, team, Change.to(new ChatTitle("Crew")), chatAt(read.chat().chat().version()));

        assertThat(world.chatService.overview(ALICE, team, 1).chat().chat().title()).isEqualTo(new ChatTitle("Crew"));
    }

    @Test
    void givenAConditionOnAChat_whenAMemberWhoIsNotTheOwnerChangesIt_thenForbiddenAndWhenAnOutsiderDoes_thenStale() {
        ChatId team = world.team();

        assertThatThrownBy(() -> world.chatService.delete(BOB, team, chatAt(1))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.chatService.delete(DAVE, team, chatAt(1)))
                .isInstanceOf(StaleVersionException.class).hasMessage("the chat is not there (any more)");
        assertThatThrownBy(() -> world.chatService.delete(DAVE, team, ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAMessageEditedSinceItWasRead_whenDeletingItUnderTheOldVersion_thenStaleAndItStays() {
        ChatId team = world.team();
        Message sent = world.say(BOB, team, "helo");
        Message edited = world.messageService.edit(BOB, sent.id(), Change.to(new MessageText("hello")), messageAt(1));

        assertThatThrownBy(() -> world.messageService.delete(BOB, sent.id(), messageAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.messageService.message(BOB, sent.id())).isEqualTo(edited);
        assertThat(world.events.published()).containsExactly(ChatEvent.created(sent), ChatEvent.updated(edited));
    }

    @Test
    void givenADeletedMessage_whenEditingItUnderACondition_thenStaleButWithoutOneNotFound() {
        ChatId team = world.team();
        Message sent = world.say(BOB, team, "oops");
        world.messageService.delete(BOB, sent.id(), messageAt(1));

        assertThatThrownBy(() -> world.messageService.edit(BOB, sent.id(), Change.to(new MessageText("fixed")), messageAt(1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> world.messageService.edit(BOB, sent.id(), Change.to(new MessageText("fixed")),
                ExpectedVersion.none())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAnEmptyEditUnderAStaleCondition_whenEditing_thenStaleAndUnderTheCurrentOneTheMessageAsItIs() {
        ChatId team = world.team();
        Message sent = world.say(BOB, team, "hi");

        assertThatThrownBy(() -> world.messageService.edit(BOB, sent.id(), Change.unchanged(), messageAt(2)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(world.messageService.edit(BOB, sent.id(), Change.unchanged(), messageAt(1))).isEqualTo(sent);
    }
}
