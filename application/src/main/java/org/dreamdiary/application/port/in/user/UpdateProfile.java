package org.dreamdiary.application.port.in.user;

import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;

public interface UpdateProfile {
    /**
     * Applies the changes to the caller's profile if it is at {@code expected}.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when it is not
     */
    User update(Principal caller, Changes changes, ExpectedVersion expected);

    record Changes(Change<FullName> fullName, Change<Email> email, Change<PhoneNumber> phoneNumber,
                   Change<UUID> avatarAttachmentId) {
    }
}
