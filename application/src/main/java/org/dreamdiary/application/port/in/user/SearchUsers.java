package org.dreamdiary.application.port.in.user;

import java.util.Optional;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.user.User;

/** Accounts whose username or full name contains the query, ignoring case. */
public interface SearchUsers {
    Page<User> search(Principal caller, Optional<String> query, PageRequest page);
}
