package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.ChatFixture.T0;

import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.ChatsContract;
import org.dreamdiary.testsupport.TestSchema;
import org.junit.jupiter.api.Test;

/**
 * The {@link ChatsContract} on PostgreSQL, and what only the database shows: a chat's deletion is one statement
 * (the schema cascades to memberships and messages), and a reservation holds the chat's row lock until the
 * transaction ends.
 */
class JdbiChatsTest extends ChatsContract {
    private final TestSchema schema = MigratedSchema.create();
    private final ChatFixture data = new ChatFixture(schema);

    @Override
    protected Storage newStorage() {
        return MigratedStorage.on(schema);
    }

    @Test
    void givenAChatWithMembersAndMessages_whenDeletedByItsOwner_thenOneStatementTakesMembershipsAndMessagesWithIt() {
        UserId owner = data.user();
        UserId member = data.user();
        Chat chat = data.chat(owner, "Short-lived", member);
        data.posts(member, chat.id(), 3, T0);
        StatementCounter sent = new StatementCounter();
        JdbiChats chats = new JdbiChats(data.watchedBy(sent));

        assertThat(chats.delete(owner, chat.id(), OptionalLong.empty())).isTrue();

        assertThat(sent.statements()).hasSize(1);
        assertThat(data.count("SELECT count(*) FROM chat_members WHERE chat_id = ?", chat.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM messages WHERE chat_id = ?", chat.id().value())).isZero();
    }

    @Test
    void givenPostersReservedTogether_whenAnotherTransactionTriesToLockTheChat_thenItWaitsForTheCommit() {
        UserId owner = data.user();
        UserId member = data.user();
        Chat chat = data.chat(owner, "Locked", member);

        data.transactions.inTransaction(() -> {
            assertThat(data.chats.reserveMessages(chat.id(), Set.of(member, data.user()))).isPresent();
            // another connection, not waiting: the lock is held until this transaction ends
            assertThatThrownBy(() -> data.watchedBy(new StatementCounter()).useHandle(other -> other
                    .createQuery("SELECT id FROM chats WHERE id = :chat FOR UPDATE NOWAIT")
                    .bind("chat", chat.id().value()).mapTo(UUID.class).list()))
                    .hasMessageContaining("could not obtain lock");
            return null;
        });
    }
}
