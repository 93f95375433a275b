package org.dreamdiary.application.port.in.user;

/** Sets a new password after checking the current one; every other session of the user is revoked. */
public interface ChangePassword {
    void change(Principal caller, String currentPassword, String newPassword, String clientIp);
}
