package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.AttachmentsContract;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The {@link AttachmentsContract} on PostgreSQL, and what only its statements show. */
class JdbiAttachmentsTest extends AttachmentsContract {
    private final TestSchema schema = MigratedSchema.create();
    private final Jdbi jdbi = MigratedSchema.jdbi(schema);

    /** On a Jdbi of the test's own, whose statements it can count. */
    @Override
    protected Storage newStorage() {
        return PostgresStorage.open(jdbi, schema::connect, Optional.empty());
    }

    @Test
    void givenManyAttachments_whenListedWithAnyPageSize_thenTwoStatementsRun() {
        UserId owner = newOwner();
        for (int i = 0; i < 30; i++) {
            image(owner, T0.plusSeconds(i));
        }
        StatementCounter counter = new StatementCounter();
        jdbi.setSqlLogger(counter);
        try {
            attachments.list(owner, null, new PageRequest(1, 1));
            List<String> forOne = counter.statements();
            counter.reset();
            attachments.list(owner, AttachmentKind.IMAGE, new PageRequest(1, 100));
            List<String> forHundred = counter.statements();

            assertThat(forOne).hasSize(2);
            assertThat(forHundred).hasSize(2);
        } finally {
            jdbi.setSqlLogger(null);
        }
    }
}
