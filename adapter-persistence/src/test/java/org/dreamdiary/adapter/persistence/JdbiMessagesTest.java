package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.MessagesContract;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.junit.jupiter.api.Test;

/**
 * The {@link MessagesContract} on PostgreSQL, and what only the database shows: statistics count days in UTC
 * whatever the time zone of the session that reads them.
 */
class JdbiMessagesTest extends MessagesContract {
    private final TestSchema schema = MigratedSchema.create();
    private final ChatFixture data = new ChatFixture(schema);

    @Override
    protected Storage newStorage() {
        return MigratedStorage.on(schema);
    }

    /** In UTC+14, 23:59:59.999999 UTC would already be the next day. */
    @Test
    void givenASessionInUtcPlusFourteen_whenMessagesAreCounted_thenTheirDaysAreStillUtcDays() {
        UserId owner = data.user();
        Chat chat = data.chat(owner, "Far east");
        data.post(owner, chat.id(), "late", Instant.parse("2026-11-01T23:59:59.999999Z"));
        data.post(owner, chat.id(), "early", Instant.parse("2026-11-02T00:00:00Z"));
        JdbiMessages farEast = new JdbiMessages(MigratedSchema.jdbi(schema).installPlugin(new JdbiPlugin() {
            @Override
            public Handle customizeHandle(Handle handle) {
                handle.execute("SET TIME ZONE 'Pacific/Kiritimati'");
                return handle;
            }
        }));

        assertThat(farEast.stats(owner, chat.id(), null, null)).isEqualTo(data.messages.stats(owner, chat.id(), null, null));
        assertThat(farEast.stats(owner, chat.id(), null, null).perDay()).extracting(day -> day.date().toString())
                .containsExactly("2026-11-01", "2026-11-02");
    }
}
