package org.dreamdiary.application.port.in.user;

import java.util.Optional;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;

/** Opens an account and logs it in; a client address may try only so many times an hour. */
public interface RegisterUser {
    Registration register(Command command, String clientIp);

    /** {@code password} is taken exactly as typed. */
    record Command(Username username, String password, Optional<Email> email, Optional<FullName> fullName,
                   Optional<PhoneNumber> phoneNumber) {
        @Override
        public String toString() {
            return "RegisterUser.Command[" + username.value() + "]";
        }
    }

    record Registration(User user, TokenPair tokens) {
    }
}
