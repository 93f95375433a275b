package org.dreamdiary.application.port.in.user;

import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;

public interface UpdateProfile {
    /**
     * Applies the changes to the caller's profile if it meets {@code precondition}.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when it does not
     */
    User update(Principal caller, Changes changes, Precondition<User> precondition);

    record Changes(Change<FullName> fullName, Change<Email> email, Change<PhoneNumber> phoneNumber,
                   Change<UUID> avatarAttachmentId) {
    }
}
