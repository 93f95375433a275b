package org.dreamdiary.application.port.in.user;

import org.dreamdiary.domain.user.User;

public interface GetOwnProfile {
    User ownProfile(Principal caller);
}
