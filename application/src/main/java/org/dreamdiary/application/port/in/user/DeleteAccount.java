package org.dreamdiary.application.port.in.user;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.domain.user.User;

/** Deletes the caller's account and everything it owns, in one transaction. */
public interface DeleteAccount {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the account does not meet {@code precondition} */
    void delete(Principal caller, Precondition<User> precondition);
}
