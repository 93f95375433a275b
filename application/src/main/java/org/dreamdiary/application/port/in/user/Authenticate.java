package org.dreamdiary.application.port.in.user;

/** Turns an access token into the caller, refusing forged, expired and revoked ones. */
public interface Authenticate {
    Principal authenticate(String accessToken);
}
