package org.dreamdiary.client.internal;

import org.dreamdiary.client.model.User;

/** The service's answer to a registration, as sent: the new user and the tokens of its first session. */
record Registered(User user, String accessToken, String tokenType, long expiresIn, String refreshToken) {
    @Override
    public String toString() {
        return "Registered[" + user + "]";
    }
}
