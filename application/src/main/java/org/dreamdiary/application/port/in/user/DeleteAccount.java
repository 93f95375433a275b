package org.dreamdiary.application.port.in.user;

/** Deletes the caller's account and everything it owns, in one transaction. */
public interface DeleteAccount {
    void delete(Principal caller);
}
