package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.persistence.contract.TestPlanning.aDream;
import static org.dreamdiary.persistence.contract.TestPlanning.aStoredLink;
import static org.dreamdiary.persistence.contract.TestPlanning.anOwner;

import java.util.Optional;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.DreamsContract;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The {@link DreamsContract} on PostgreSQL, and what only its tables can show: a link row naming another user's
 * attachment, which no adapter writes, is not shown.
 */
class JdbiDreamsTest extends DreamsContract {
    private final TestSchema schema = MigratedSchema.create();
    private final Jdbi jdbi = MigratedSchema.jdbi(schema);

    @Override
    protected Storage newStorage() {
        return MigratedStorage.on(schema);
    }

    @Test
    void givenAnotherUsersAttachmentLinkedByHand_whenTheDreamIsRead_thenItIsNotShown() {
        UserId owner = anOwner(storage);
        Attachment strangers = aStoredLink(storage, anOwner(storage), "https://example.com/strangers");
        Attachment own = aStoredLink(storage, owner, "https://example.com/own");
        Dream dream = aDream(owner).named("Sail").holding(own).storedIn(storage);
        jdbi.useHandle(handle -> handle.execute("INSERT INTO dream_attachments (dream_id, attachment_id, position)"
                + " VALUES (?, ?, 2)", dream.id().value(), strangers.id().value()));

        assertThat(storage.dreams().byId(owner, dream.id()).orElseThrow().attachments()).containsExactly(own);
        assertThat(storage.dreams().list(owner, new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_DESC),
                PageRequest.first()).items().get(0).dream().attachments()).containsExactly(own);
    }
}
