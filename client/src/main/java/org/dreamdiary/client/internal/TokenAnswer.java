package org.dreamdiary.client.internal;

/** The service's answer to a login or a refresh, as sent; the client keeps it as {@code Tokens}. */
record TokenAnswer(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    @Override
    public String toString() {
        return "TokenAnswer[expires in " + expiresIn + " s]";
    }
}
