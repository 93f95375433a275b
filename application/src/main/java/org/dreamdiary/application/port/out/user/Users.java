package org.dreamdiary.application.port.out.user;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;

/** Storage of accounts. Usernames and e-mail addresses are unique ignoring case. */
public interface Users {
    /** @throws org.dreamdiary.domain.error.ConflictException when the username or the e-mail address is taken */
    void add(User user);

    Optional<User> byId(UserId id);

    /** Which of {@code ids} name an account. */
    Set<UserId> existing(Collection<UserId> ids);

    Optional<User> byUsername(Username username);

    /**
     * Stores {@code changed} if the stored account is still at {@code changed.version() - 1}.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when someone changed it meanwhile
     * @throws org.dreamdiary.domain.error.ConflictException when the new e-mail address is taken
     */
    void update(User changed);

    /**
     * Deletes the account and everything it owns.
     * Only at {@code expectedVersion} when one is given (empty: at any version); false when nothing was deleted.
     */
    boolean delete(UserId id, OptionalLong expectedVersion);

    /** Accounts whose username or full name contains {@code query} (ignoring case), by username then id. */
    Page<User> search(Optional<String> query, PageRequest page);
}
