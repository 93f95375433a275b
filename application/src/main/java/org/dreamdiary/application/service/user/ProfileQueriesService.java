package org.dreamdiary.application.service.user;

import java.util.Optional;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.user.GetOwnProfile;
import org.dreamdiary.application.port.in.user.GetUser;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.SearchUsers;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/** The read-only user use cases; each is a single query, so none needs a transaction of its own. */
public final class ProfileQueriesService implements GetOwnProfile, GetUser, SearchUsers {
    private final Users users;

    public ProfileQueriesService(Users users) {
        this.users = users;
    }

    @Override
    public User ownProfile(Principal caller) {
        return user(caller, caller.user());
    }

    @Override
    public User user(Principal caller, UserId id) {
        return users.byId(id).orElseThrow(() -> new NotFoundException("user"));
    }

    @Override
    public Page<User> search(Principal caller, Optional<String> query, PageRequest page) {
        return users.search(query, page);
    }
}
