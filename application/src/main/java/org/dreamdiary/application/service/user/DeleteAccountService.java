package org.dreamdiary.application.service.user;

import java.util.OptionalLong;
import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.port.in.user.DeleteAccount;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

public final class DeleteAccountService implements DeleteAccount {
    private final Users users;
    private final Chats chats;
    private final ChatEvents events;
    private final SessionEvents sessionEvents;
    private final Attachments attachments;
    private final BlobStore blobs;
    private final Transactions transactions;

    public DeleteAccountService(Users users, Chats chats, ChatEvents events, SessionEvents sessionEvents,
                                Attachments attachments, BlobStore blobs, Transactions transactions) {
        this.users = users;
        this.chats = chats;
        this.events = events;
        this.sessionEvents = sessionEvents;
        this.attachments = attachments;
        this.blobs = blobs;
        this.transactions = transactions;
    }

    @Override
    public void delete(Principal caller, Precondition<User> precondition) {
        // The storage cascades to sessions, tokens and, as they arrive, everything else the user owns.
        transactions.inTransaction(() -> {
            OptionalLong version = precondition.versionToFind(() -> users.byId(caller.user()), User::version, "user");
            // first, so that the user's own live sockets close as a session's end rather than as a chat's
            sessionEvents.publish(SessionsEnded.allOfUser(caller.user()));
            announceChatsEnding(caller.user());
            // The metadata goes with the user; the bytes are freed here, as the deletion commits, whatever the store.
            blobs.delete(attachments.withContent(caller.user()));
            if (!users.delete(caller.user(), version)) {
                throw precondition.gone("user");
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
            events.publish(chat.owner().equals(user) ? ChatEvent.chatDeleted(chat.id())
                    : ChatEvent.memberRemoved(chat.id(), user));
        }
    }
}
