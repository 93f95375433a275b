package org.dreamdiary.adapter.memory;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/**
 * Sessions and the hashes of their refresh tokens in memory. As the real schema's foreign keys, a session belongs
 * to an account that exists and a token to a session that exists, and a session's tokens go with it.
 */
final class MemorySessions implements Sessions {
    private record Session(SessionId id, UserId user, Instant revokedAt) {
        boolean revoked() {
            return revokedAt != null;
        }

        boolean revokedBefore(Instant before) {
            return revoked() && revokedAt.isBefore(before);
        }
    }

    /** {@code hash} is the hex of the token's hash. */
    private record RefreshToken(String hash, SessionId session, Instant expiresAt, Instant usedAt) {
    }

    private final MemoryTransactions transactions;
    private final Users users;
    private final Table<SessionId, Session> sessions;
    /** By the hex of the hash: arrays make poor keys. */
    private final Table<String, RefreshToken> refreshTokens;

    MemorySessions(MemoryTransactions transactions, Users users) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = new Table<>(transactions);
        this.refreshTokens = new Table<>(transactions);
    }

    @Override
    public void open(SessionId session, UserId user, Instant now) {
        transactions.atomically(() -> {
            if (users.byId(user).isEmpty()) {
                throw new IllegalStateException("no account " + user.value() + " to open a session for");
            }
            if (sessions.contains(session)) {
                throw new IllegalStateException("session " + session.value() + " exists already");
            }
            sessions.put(session, new Session(session, user, null));
        });
    }

    @Override
    public boolean isActive(SessionId session, UserId user) {
        return transactions.atomically(() -> sessions.get(session)
                .filter(stored -> stored.user().equals(user) && !stored.revoked())
                .isPresent());
    }

    @Override
    public void revoke(SessionId session, Instant now) {
        transactions.atomically(() -> sessions.get(session)
                .filter(stored -> !stored.revoked())
                .ifPresent(stored -> sessions.put(session, new Session(session, stored.user(), now))));
    }

    @Override
    public void revokeAllExcept(UserId user, SessionId keep, Instant now) {
        transactions.atomically(() -> {
            for (Session session : sessionsOf(user)) {
                if (!session.id().equals(keep)) {
                    revoke(session.id(), now);
                }
            }
        });
    }

    @Override
    public void addRefreshToken(byte[] tokenHash, SessionId session, Instant expiresAt) {
        transactions.atomically(() -> {
            if (!sessions.contains(session)) {
                throw new IllegalStateException("no session " + session.value() + " to add a refresh token to");
            }
            String key = hex(tokenHash);
            if (refreshTokens.contains(key)) {
                throw new IllegalStateException("the refresh token is stored already");
            }
            refreshTokens.put(key, new RefreshToken(key, session, expiresAt, null));
        });
    }

    /** Used once (whatever the session's state since) is reused; valid until its expiry, exclusive. */
    @Override
    public RefreshOutcome useRefreshToken(byte[] tokenHash, Instant now) {
        String key = hex(tokenHash);
        return transactions.atomically(() -> {
            RefreshToken token = refreshTokens.get(key).orElse(null);
            if (token == null) {
                return new RefreshOutcome.Refused();
            }
            if (token.usedAt() != null) {
                return new RefreshOutcome.Reused(token.session());
            }
            Session session = sessions.get(token.session()).orElseThrow();
            if (session.revoked() || !now.isBefore(token.expiresAt())) {
                return new RefreshOutcome.Refused();
            }
            refreshTokens.put(key, new RefreshToken(key, token.session(), token.expiresAt(), now));
            return new RefreshOutcome.Rotated(token.session(), session.user());
        });
    }

    /** A session with no refresh token left unexpired at {@code before} has ended, as one whose every token has. */
    @Override
    public int purgeEnded(Instant before, int max) {
        return transactions.atomically(() -> {
            Set<SessionId> live = refreshTokens.rows().stream()
                    .filter(token -> !token.expiresAt().isBefore(before))
                    .map(RefreshToken::session)
                    .collect(Collectors.toSet());
            List<Session> ended = sessions.rows().stream()
                    .filter(session -> session.revokedBefore(before) || !live.contains(session.id()))
                    .limit(max)
                    .toList();
            delete(ended);
            return ended.size();
        });
    }

    @Override
    public int purgeExpiredRefreshTokens(Instant before, int max) {
        return transactions.atomically(() -> {
            List<RefreshToken> expired = refreshTokens.rows().stream()
                    .filter(token -> token.expiresAt().isBefore(before))
                    .limit(max)
                    .toList();
            expired.forEach(token -> refreshTokens.remove(token.hash()));
            return expired.size();
        });
    }

    /** The account's deletion: its sessions, and their tokens, go with it. */
    void accountDeleted(UserId user) {
        delete(sessionsOf(user));
    }

    private List<Session> sessionsOf(UserId user) {
        return sessions.rows().stream().filter(session -> session.user().equals(user)).toList();
    }

    /** Deletes the sessions and their tokens. */
    private void delete(List<Session> gone) {
        if (gone.isEmpty()) {
            return;
        }
        Set<SessionId> deleted = gone.stream().map(Session::id).collect(Collectors.toSet());
        deleted.forEach(sessions::remove);
        refreshTokens.rows().stream()
                .filter(token -> deleted.contains(token.session()))
                .toList()
                .forEach(token -> refreshTokens.remove(token.hash()));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
