package org.dreamdiary.application.port.in.user;

/** Revokes the caller's current session; its tokens stop working at once. */
public interface LogOut {
    void logOut(Principal caller);
}
