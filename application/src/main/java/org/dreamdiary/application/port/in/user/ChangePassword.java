package org.dreamdiary.application.port.in.user;

import org.dreamdiary.application.change.ExpectedVersion;

/**
 * Sets a new password after checking the current one; every other session of the user is revoked. Only while the
 * account is at a version {@code expected} admits (the profile's {@code If-Match}).
 */
public interface ChangePassword {
    void change(Principal caller, String currentPassword, String newPassword, String clientIp, ExpectedVersion expected);
}
