package org.dreamdiary.adapter.persistence;

import org.dreamdiary.persistence.contract.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.PlanningFixture.T0;

import java.util.OptionalLong;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A write that expects a version checks it in its own statement: at a stale version nothing changes, whatever
 * the use case saw before. The rows of chats and accounts a client can change under {@code If-Match}; those of
 * dreams, goals, tasks and the diary are the contract kit's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiConditionalWritesTest {
    private static final OptionalLong AT_ONE = OptionalLong.of(1);
    private static final OptionalLong AT_TWO = OptionalLong.of(2);

    private ChatFixture chatting;

    @BeforeAll
    void migrate() {
        chatting = ChatFixture.onFreshSchema();
    }

    @Test
    void givenAChatRenamedSinceVersionOne_whenDeletedAtVersionOne_thenItItsMembersAndMessagesStay() {
        UserId owner = chatting.user();
        Chat chat = chatting.chat(owner, "Crew");
        chatting.post(owner, chat.id(), "ahoy", T0.plusSeconds(1));
        chatting.chats.update(chat.retitle(new ChatTitle("Crew 2"), T0.plusSeconds(2)));

        assertThat(chatting.chats.delete(owner, chat.id(), AT_ONE)).isFalse();
        assertThat(chatting.count("SELECT count(*) FROM messages WHERE chat_id = ?", chat.id().value())).isEqualTo(1);
        assertThat(chatting.chats.asMember(owner, chat.id()).orElseThrow().chat().title()).isEqualTo(new ChatTitle("Crew 2"));

        assertThat(chatting.chats.delete(owner, chat.id(), AT_TWO)).isTrue();
        assertThat(chatting.count("SELECT count(*) FROM messages WHERE chat_id = ?", chat.id().value())).isZero();
    }

    @Test
    void givenAMessageEditedSinceVersionOne_whenDeletedAtVersionOne_thenItStaysCountedAndAStaleEditChangesNothing() {
        UserId author = chatting.user();
        Chat chat = chatting.chat(author, "Crew");
        Message message = chatting.post(author, chat.id(), "helo", T0.plusSeconds(1));
        Message edited = message.edit(new MessageText("hello"), T0.plusSeconds(2));
        chatting.messages.update(edited);

        assertThat(chatting.messages.delete(chat.id(), message.id(), AT_ONE)).isFalse();
        assertThatThrownBy(() -> chatting.messages.update(message.edit(new MessageText("lost"), T0.plusSeconds(3))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(chatting.messages.byId(author, message.id()).orElseThrow().message()).isEqualTo(edited);
        assertThat(chatting.chats.asMember(author, chat.id()).orElseThrow().messageCount()).isEqualTo(1);

        assertThat(chatting.messages.delete(chat.id(), message.id(), AT_TWO)).isTrue();
        assertThat(chatting.chats.asMember(author, chat.id()).orElseThrow().messageCount()).isZero();
    }

    @Test
    void givenAProfileChangedSinceVersionOne_whenTheAccountIsDeletedAtVersionOne_thenItStays() {
        User user = TestUsers.aUser().build();
        chatting.users.add(user);
        User renamed = user.withProfile(new FullName("Ann"), null, null, null, T0.plusSeconds(1));
        chatting.users.update(renamed);

        assertThat(chatting.users.delete(user.id(), AT_ONE)).isFalse();
        assertThat(chatting.users.byId(user.id())).contains(renamed);

        assertThat(chatting.users.delete(user.id(), AT_TWO)).isTrue();
        assertThat(chatting.users.byId(user.id())).isEmpty();
    }
}
