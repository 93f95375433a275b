package org.dreamdiary.application.port.in.user;

/** What a login, a registration or a refresh hands out. {@code toString} shows no token. */
public record TokenPair(String accessToken, long expiresInSeconds, String refreshToken) {
    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresInSeconds + "s]";
    }
}
