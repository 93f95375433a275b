package org.dreamdiary.application.port.in.user;

import org.dreamdiary.application.change.ExpectedVersion;

/** Deletes the caller's account and everything it owns, in one transaction. */
public interface DeleteAccount {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the account is not at {@code expected} */
    void delete(Principal caller, ExpectedVersion expected);
}
