package org.dreamdiary.application.port.in.user;

import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

public interface GetUser {
    User user(Principal caller, UserId id);
}
