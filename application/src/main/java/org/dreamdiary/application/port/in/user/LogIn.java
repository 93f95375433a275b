package org.dreamdiary.application.port.in.user;

/**
 * Exchanges a username and password for a token pair. Wrong credentials and unknown usernames fail alike,
 * in the same time; too many failures for a username or a client address are refused for a while.
 */
public interface LogIn {
    TokenPair logIn(String username, String password, String clientIp);
}
