package org.dreamdiary.application.port.in.user;

/** Trades a refresh token for a new pair; a token presented twice revokes its whole session. */
public interface RefreshSession {
    TokenPair refresh(String refreshToken);
}
