package org.dreamdiary.application.service.user;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dreamdiary.application.port.in.user.Authenticate;
import org.dreamdiary.application.port.in.user.LogIn;
import org.dreamdiary.application.port.in.user.LogOut;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RefreshSession;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.PasswordHasher;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.Sessions.RefreshOutcome;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.application.port.out.user.TokenIssuer.Claims;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;

/**
 * The use cases of the session: logging in, refreshing, logging out, and authenticating each request. A valid
 * signature is not enough to authenticate: the session must still be live, so logging out, changing the password or
 * deleting the account stops the tokens at once on the node that did it and within a second on every other. The
 * session is looked up in the database only when this node's {@link ActiveSessionCache} cannot answer: once per
 * session and access token, or on every request while the node is not sure to have heard of every session ended.
 */
public final class SessionService implements LogIn, RefreshSession, LogOut, Authenticate {
    private final Users users;
    private final Sessions sessions;
    private final SessionEvents events;
    private final PasswordHasher hasher;
    private final SessionTokens sessionTokens;
    private final LoginThrottle throttle;
    private final TokenIssuer tokenIssuer;
    private final ActiveSessionCache activeSessions;
    private final Transactions transactions;
    private final Clock clock;
    /**
     * What an unknown username's password is compared with, so that its answer takes as long as a wrong password's.
     * Hashed beside the start, not in its way: a hash is slow on purpose (about 0.4 s), and no login needs it sooner.
     */
    private final CompletableFuture<String> decoyHash;

    public SessionService(Users users, Sessions sessions, SessionEvents events, PasswordHasher hasher,
                          SessionTokens sessionTokens, LoginThrottle throttle, TokenIssuer tokenIssuer,
                          ActiveSessionCache activeSessions, Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.hasher = hasher;
        this.sessionTokens = sessionTokens;
        this.throttle = throttle;
        this.tokenIssuer = tokenIssuer;
        this.activeSessions = activeSessions;
        this.transactions = transactions;
        this.clock = clock;
        this.decoyHash = CompletableFuture.supplyAsync(() -> hasher.hash("decoy password for unknown usernames"));
    }

    @Override
    public TokenPair logIn(String username, String password, String clientIp) {
        Instant reservedAt = clock.now();
        throttle.reserve(username, clientIp, reservedAt);
        Optional<User> account = find(username);
        // The hash comparison runs outside any transaction: it is slow on purpose and needs no connection.
        boolean matches = hasher.matches(password, account.map(User::passwordHash).orElseGet(decoyHash::join));
        if (account.isEmpty() || !matches) {
            // the reservation stays: it is this failure's record
            throw new UnauthenticatedException("wrong username or password");
        }
        return transactions.inTransaction(() -> {
            throttle.succeeded(username, clientIp, reservedAt);
            return sessionTokens.open(account.get().id(), clock.now());
        });
    }

    private Optional<User> find(String username) {
        try {
            return users.byUsername(new Username(username));
        } catch (InvalidValueException notAUsername) {
            return Optional.empty();
        }
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        Optional<TokenPair> rotated = transactions.inTransaction(() -> {
            Instant now = clock.now();
            RefreshOutcome outcome = sessions.useRefreshToken(RefreshTokens.hash(refreshToken), now);
            if (outcome instanceof RefreshOutcome.Rotated valid) {
                return Optional.of(sessionTokens.pairFor(valid.user(), valid.session(), now));
            }
            if (outcome instanceof RefreshOutcome.Reused reused) {
                // A rotated token came back: the client or a thief holds a copy. End the session for both.
                sessions.revoke(reused.session(), now);
                events.publish(SessionsEnded.one(reused.session()));
            }
            // Committed, not rolled back: the revocation must stick although the caller is refused.
            return Optional.<TokenPair>empty();
        });
        return rotated.orElseThrow(() -> new UnauthenticatedException("the refresh token is not valid"));
    }

    @Override
    public void logOut(Principal caller) {
        transactions.inTransaction(() -> {
            sessions.revoke(caller.session(), clock.now());
            events.publish(SessionsEnded.one(caller.session()));
            return null;
        });
    }

    @Override
    public Principal authenticate(String accessToken) {
        Claims claims = tokenIssuer.verify(accessToken, clock.now())
                .orElseThrow(() -> new UnauthenticatedException("the access token is not valid"));
        if (!activeSessions.isActive(claims.session(), claims.user(), claims.expiresAt())) {
            throw new UnauthenticatedException("the access token is not valid");
        }
        return new Principal(claims.user(), claims.session(), claims.expiresAt());
    }
}
