package org.dreamdiary.application.service.user;

import java.util.UUID;
import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.UpdateProfile;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.domain.user.User;

public final class UpdateProfileService implements UpdateProfile {
    private final Users users;
    private final AttachmentReferences attachments;
    private final Transactions transactions;
    private final Clock clock;

    public UpdateProfileService(Users users, AttachmentReferences attachments, Transactions transactions, Clock clock) {
        this.users = users;
        this.attachments = attachments;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public User update(Principal caller, Changes changes, Precondition<User> precondition) {
        return transactions.inTransaction(() -> {
            // the update requires the version just checked
            User current = precondition.checked(users.byId(caller.user()), "user");
            UUID avatar = changes.avatarAttachmentId().orElse(current.avatarAttachmentId());
            if (changes.avatarAttachmentId().isPresent() && avatar != null) {
                // Any signed-in user may read an avatar: only the caller's own pictures may become one.
                attachments.image(caller.user(), avatar, "avatar_attachment_id");
            }
            User changed = current.withProfile(
                    changes.fullName().orElse(current.fullName()),
                    changes.email().orElse(current.email()),
                    changes.phoneNumber().orElse(current.phoneNumber()),
                    avatar, clock.now());
            users.update(changed);
            return changed;
        });
    }
}
