package org.dreamdiary.application.service;

import java.time.LocalDate;
import java.util.OptionalLong;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.application.port.in.ExportAccount;
import org.dreamdiary.application.port.in.user.DeleteAccount;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.AccountRecords;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * The use cases of the account as a whole, everything its user owns in every context: exporting it and deleting it.
 * Both reach across all the other aggregates, so they are the account's and no single context's.
 */
public final class AccountService implements ExportAccount, DeleteAccount {
    private final Users users;
    private final AccountRecords records;
    private final Chats chats;
    private final ChatEvents chatEvents;
    private final SessionEvents sessionEvents;
    private final Attachments attachments;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final Clock clock;

    public AccountService(Users users, AccountRecords records, Chats chats, ChatEvents chatEvents,
                          SessionEvents sessionEvents, Attachments attachments, BlobStore blobs, Transactions transactions,
                          Clock clock) {
        this.users = users;
        this.records = records;
        this.chats = chats;
        this.chatEvents = chatEvents;
        this.sessionEvents = sessionEvents;
        this.attachments = attachments;
        this.blobs = blobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Streams the owner's data from storage into the archive inside one snapshot: every part agrees with every other,
     * and nothing is held but the row being written.
     */
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

    @Override
    public void delete(Principal caller, ExpectedVersion expected) {
        // The storage cascades to sessions, tokens and, as they arrive, everything else the user owns.
        transactions.inTransaction(() -> {
            // the expected version goes into the delete itself: the account is read only when it deletes nothing
            OptionalLong version = expected.versionToFind(() -> users.byId(caller.user()), User::version, "user");
            // first, so that the user's own live sockets close as a session's end rather than as a chat's
            sessionEvents.publish(SessionsEnded.allOfUser(caller.user()));
            announceChatsEnding(caller.user());
            // The metadata goes with the user; the bytes are freed here, as the deletion commits, whatever the store.
            blobs.delete(attachments.withContent(caller.user()));
            if (!users.delete(caller.user(), version)) {
                throw expected.missed(users.byId(caller.user()), "user");
            }
            return null;
        });
    }

    /**
     * The chats the user owns go with the account, and the user leaves every other chat: live subscribers learn it
     * as they would from deleting those chats and leaving the others (the events go out when this commits).
     */
    private void announceChatsEnding(UserId user) {
        for (ChatView view : Page.all(page -> chats.list(user, ChatQuery.all(), page))) {
            var chat = view.chat();
            chatEvents.publish(chat.owner().equals(user) ? ChatEvent.chatDeleted(chat.id())
                    : ChatEvent.memberRemoved(chat.id(), user));
        }
    }
}
