package org.dreamdiary.application.service;

import java.time.LocalDate;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.application.port.in.ExportAccount;
import org.dreamdiary.application.port.out.AccountRecords;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * Streams the owner's data from storage into the archive inside one snapshot: every part agrees with every other,
 * and nothing is held but the row being written.
 */
public final class ExportAccountService implements ExportAccount {
    private final Users users;
    private final AccountRecords records;
    private final Transactions transactions;
    private final Clock clock;

    public ExportAccountService(Users users, AccountRecords records, Transactions transactions, Clock clock) {
        this.users = users;
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void export(UserId owner, Archive archive) {
        transactions.inSnapshot(() -> {
            User profile = users.byId(owner).orElseThrow(() -> new NotFoundException("user"));
            archive.profile(clock.now(), profile);
            archive.dreams(each -> records.dreams(owner, each::accept));
            archive.goals(each -> records.goals(owner, each::accept));
            LocalDate today = clock.today();
            archive.tasks(each -> records.tasks(owner, task -> each.accept(TaskView.of(task, today))));
            archive.diary(each -> records.diary(owner, each::accept));
            archive.attachments(each -> records.attachments(owner, each::accept));
            archive.chats(each -> records.ownedChats(owner, chat -> each.accept(
                    new ChatArchive(chat, messages -> records.messagesOf(owner, chat.chat().id(), messages::accept)))));
            archive.messages(each -> records.messagesBy(owner, each::accept));
            return null;
        });
    }
}
