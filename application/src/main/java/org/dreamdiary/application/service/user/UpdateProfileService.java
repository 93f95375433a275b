package org.dreamdiary.application.service.user;

import java.util.UUID;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.UpdateProfile;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.User;

public final class UpdateProfileService implements UpdateProfile {
    private final Users users;
    private final Transactions transactions;
    private final Clock clock;

    public UpdateProfileService(Users users, Transactions transactions, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public User update(Principal caller, Changes changes, long basedOnVersion) {
        return transactions.inTransaction(() -> {
            User current = users.byId(caller.user()).orElseThrow(() -> new NotFoundException("user"));
            if (current.version() != basedOnVersion) {
                throw new StaleVersionException("the profile");
            }
            UUID avatar = changes.avatarAttachmentId().orElse(current.avatarAttachmentId());
            if (avatar != null && !avatar.equals(current.avatarAttachmentId())) {
                // Attachments do not exist yet, so no id can name one of the caller's.
                throw ValidationException.of("avatar_attachment_id", "names no attachment of yours");
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
