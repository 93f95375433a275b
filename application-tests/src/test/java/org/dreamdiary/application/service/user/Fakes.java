package org.dreamdiary.application.service.user;

import static org.dreamdiary.application.service.ExpectedVersions.isAt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.PasswordHasher;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.application.service.RecordingTransactions.Store;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;

/**
 * Hand-made, in-memory stand-ins for the outbound ports of the user use cases. They keep the contracts the
 * ports' javadoc states (uniqueness ignoring case, the version check, refresh-token rotation, the failure
 * window) so the services are tested against the same rules the real adapters follow. The accounts are public,
 * because the chat tests in a sibling package share them.
 */
public final class Fakes {
    private Fakes() {
    }

    /** A clock that stands still until told to move, at millisecond precision like the real one. */
    static final class FakeClock implements Clock {
        private Instant now;

        FakeClock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }
    }

    /** Ids 1, 2, 3, … in a recognisable time-ordered shape. */
    static final class SequentialIds implements Ids {
        private long next = 1;

        @Override
        public UUID next() {
            return new UUID(0x0000000000007000L, 0x8000000000000000L | next++);
        }
    }

    /** Fast, one-way and deterministic (SHA-256), so it can be checked; counts its calls. */
    static final class FakeHasher implements PasswordHasher {
        private int hashCalls;
        private int matchesCalls;
        private Runnable onMatch = () -> { };

        @Override
        public String hash(String password) {
            hashCalls++;
            return digest(password);
        }

        @Override
        public boolean matches(String password, String hash) {
            matchesCalls++;
            onMatch.run();
            return digest(password).equals(hash);
        }

        int hashCalls() {
            return hashCalls;
        }

        int matchesCalls() {
            return matchesCalls;
        }

        /** Runs {@code check} at every password check, to see what had happened by then. */
        void onMatch(Runnable check) {
            this.onMatch = check;
        }

        private static String digest(String password) {
            Objects.requireNonNull(password, "password");
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
                return "sha256:" + HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Access tokens that name their user and session in plain text, valid 15 minutes. Only tokens it issued
     * verify: a well-shaped string it did not hand out is as good as a forged signature.
     */
    static final class FakeTokenIssuer implements TokenIssuer {
        static final Duration LIFETIME = Duration.ofMinutes(15);

        private final Map<String, AccessToken> issued = new HashMap<>();
        private final Map<String, Claims> claims = new HashMap<>();
        private int serial;

        @Override
        public AccessToken issue(UserId user, SessionId session, Instant now) {
            String value = "access/" + user + "/" + session + "/" + ++serial;
            AccessToken token = new AccessToken(value, now.plus(LIFETIME));
            issued.put(value, token);
            claims.put(value, new Claims(user, session, token.expiresAt()));
            return token;
        }

        @Override
        public Optional<Claims> verify(String token, Instant now) {
            AccessToken known = token == null ? null : issued.get(token);
            if (known == null || !now.isBefore(known.expiresAt())) {
                return Optional.empty();
            }
            return Optional.of(claims.get(token));
        }
    }

    /** Accounts, unique by username and by e-mail address ignoring case, with the optimistic version check. */
    public static final class InMemoryUsers implements Users, Store {
        private final RecordingTransactions transactions;
        private Map<UserId, User> byId = new LinkedHashMap<>();
        private Consumer<UserId> onDelete = id -> { };

        public InMemoryUsers(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        /** What else the storage deletes with an account (its sessions, as the real schema cascades). */
        void cascadeDeletesTo(Consumer<UserId> onDelete) {
            this.onDelete = onDelete;
        }

        @Override
        public Runnable checkpoint() {
            Map<UserId, User> saved = new LinkedHashMap<>(byId);
            return () -> byId = saved;
        }

        @Override
        public Set<UserId> existing(Collection<UserId> ids) {
            return ids.stream().filter(byId::containsKey).collect(Collectors.toSet());
        }

        @Override
        public void add(User user) {
            transactions.writing("users.add");
            for (User other : byId.values()) {
                if (other.username().canonical().equals(user.username().canonical())) {
                    throw new ConflictException("the username is taken");
                }
                if (sameEmail(other, user)) {
                    throw new ConflictException("the e-mail address is taken");
                }
            }
            byId.put(user.id(), user);
        }

        @Override
        public Optional<User> byId(UserId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<User> byUsername(Username username) {
            return byId.values().stream()
                    .filter(user -> user.username().canonical().equals(username.canonical()))
                    .findFirst();
        }

        @Override
        public void update(User changed) {
            transactions.writing("users.update");
            User stored = byId.get(changed.id());
            if (stored == null || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the account");
            }
            for (User other : byId.values()) {
                if (!other.id().equals(changed.id()) && sameEmail(other, changed)) {
                    throw new ConflictException("the e-mail address is taken");
                }
            }
            byId.put(changed.id(), changed);
        }

        @Override
        public boolean delete(UserId id, OptionalLong expectedVersion) {
            transactions.writing("users.delete");
            User stored = byId.get(id);
            if (stored == null || !isAt(expectedVersion, stored.version())) {
                return false;
            }
            byId.remove(id);
            onDelete.accept(id);
            return true;
        }

        @Override
        public Page<User> search(Optional<String> query, PageRequest page) {
            List<User> matching = byId.values().stream()
                    .filter(user -> query.map(q -> searched(user).contains(q.toLowerCase(Locale.ROOT))).orElse(true))
                    .sorted(Comparator.comparing((User user) -> user.username().canonical())
                            .thenComparing(user -> user.id().value()))
                    .toList();
            List<User> slice = matching.stream().skip(page.offset()).limit(page.perPage()).toList();
            return new Page<>(slice, matching.size(), page);
        }

        int count() {
            return byId.size();
        }

        private static String searched(User user) {
            return (user.username().value() + " " + (user.fullName() == null ? "" : user.fullName().value()))
                    .toLowerCase(Locale.ROOT);
        }

        private static boolean sameEmail(User a, User b) {
            return a.email() != null && b.email() != null && a.email().canonical().equals(b.email().canonical());
        }
    }

    /** Sessions and the hashes of their refresh tokens, with the rotation rules of {@link Sessions}. */
    static final class InMemorySessions implements Sessions, Store {
        record Session(SessionId id, UserId user, Instant openedAt, Instant revokedAt) {
        }

        record RefreshToken(SessionId session, Instant expiresAt, Instant usedAt) {
        }

        private final RecordingTransactions transactions;
        private Map<SessionId, Session> sessions = new LinkedHashMap<>();
        /** Keyed by the hex of the hash: arrays make poor keys. */
        private Map<String, RefreshToken> refreshTokens = new LinkedHashMap<>();
        private int lookups;
        private Runnable meanwhile = () -> { };

        InMemorySessions(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public Runnable checkpoint() {
            Map<SessionId, Session> savedSessions = new LinkedHashMap<>(sessions);
            Map<String, RefreshToken> savedTokens = new LinkedHashMap<>(refreshTokens);
            return () -> {
                sessions = savedSessions;
                refreshTokens = savedTokens;
            };
        }

        @Override
        public void open(SessionId session, UserId user, Instant now) {
            transactions.writing("sessions.open");
            if (sessions.containsKey(session)) {
                throw new IllegalStateException("session " + session + " exists already");
            }
            sessions.put(session, new Session(session, user, now, null));
        }

        /** Answers as read before running {@code meanwhile}, as a query whose snapshot predates what it does. */
        @Override
        public boolean isActive(SessionId session, UserId user) {
            lookups++;
            Session stored = sessions.get(session);
            boolean active = stored != null && stored.user().equals(user) && stored.revokedAt() == null;
            Runnable during = meanwhile;
            meanwhile = () -> { };
            during.run();
            return active;
        }

        /** How many times {@link #isActive} was asked. */
        int lookups() {
            return lookups;
        }

        /** Runs {@code action} during the next {@link #isActive}, once it has read what it will answer. */
        void duringNextLookup(Runnable action) {
            meanwhile = action;
        }

        @Override
        public void revoke(SessionId session, Instant now) {
            transactions.writing("sessions.revoke");
            Session stored = sessions.get(session);
            if (stored != null && stored.revokedAt() == null) {
                sessions.put(session, new Session(stored.id(), stored.user(), stored.openedAt(), now));
            }
        }

        @Override
        public void revokeAllExcept(UserId user, SessionId keep, Instant now) {
            transactions.writing("sessions.revokeAllExcept");
            for (Session stored : List.copyOf(sessions.values())) {
                if (stored.user().equals(user) && !stored.id().equals(keep) && stored.revokedAt() == null) {
                    sessions.put(stored.id(), new Session(stored.id(), stored.user(), stored.openedAt(), now));
                }
            }
        }

        @Override
        public void addRefreshToken(byte[] tokenHash, SessionId session, Instant expiresAt) {
            transactions.writing("sessions.addRefreshToken");
            if (!sessions.containsKey(session)) {
                throw new IllegalStateException("no session " + session);
            }
            if (refreshTokens.putIfAbsent(hex(tokenHash), new RefreshToken(session, expiresAt, null)) != null) {
                throw new IllegalStateException("refresh token hash stored twice");
            }
        }

        /**
         * Refused when unknown; Reused when already used (whatever the session's state, as the port says);
         * Refused when expired or of a revoked session; otherwise marked used and Rotated.
         */
        @Override
        public RefreshOutcome useRefreshToken(byte[] tokenHash, Instant now) {
            transactions.writing("sessions.useRefreshToken");
            String key = hex(tokenHash);
            RefreshToken token = refreshTokens.get(key);
            if (token == null) {
                return new RefreshOutcome.Refused();
            }
            if (token.usedAt() != null) {
                return new RefreshOutcome.Reused(token.session());
            }
            Session session = sessions.get(token.session());
            if (session == null || session.revokedAt() != null) {
                return new RefreshOutcome.Refused();
            }
            if (!now.isBefore(token.expiresAt())) {
                return new RefreshOutcome.Refused();
            }
            refreshTokens.put(key, new RefreshToken(token.session(), token.expiresAt(), now));
            return new RefreshOutcome.Rotated(session.id(), session.user());
        }

        @Override
        public int purgeEnded(Instant before, int max) {
            List<SessionId> ended = sessions.values().stream()
                    .filter(session -> session.revokedAt() != null && session.revokedAt().isBefore(before)
                            || refreshTokens.values().stream().noneMatch(token -> token.session().equals(session.id())
                                    && !token.expiresAt().isBefore(before)))
                    .map(Session::id).limit(max).toList();
            ended.forEach(sessions::remove);
            refreshTokens.values().removeIf(token -> ended.contains(token.session()));
            return ended.size();
        }

        @Override
        public int purgeExpiredRefreshTokens(Instant before, int max) {
            List<String> expired = refreshTokens.entrySet().stream()
                    .filter(entry -> entry.getValue().expiresAt().isBefore(before))
                    .map(Map.Entry::getKey).limit(max).toList();
            expired.forEach(refreshTokens::remove);
            return expired.size();
        }

        /** The storage's cascade when an account goes: its sessions and their tokens go with it. */
        void forgetUser(UserId user) {
            List<SessionId> gone = sessions.values().stream().filter(s -> s.user().equals(user)).map(Session::id).toList();
            gone.forEach(sessions::remove);
            refreshTokens.values().removeIf(token -> gone.contains(token.session()));
        }

        List<Session> sessionsOf(UserId user) {
            return sessions.values().stream().filter(s -> s.user().equals(user)).toList();
        }

        List<Session> activeSessionsOf(UserId user) {
            return sessionsOf(user).stream().filter(s -> s.revokedAt() == null).toList();
        }

        Optional<Session> session(SessionId id) {
            return Optional.ofNullable(sessions.get(id));
        }

        List<String> storedTokenHashes() {
            return List.copyOf(refreshTokens.keySet());
        }

        static String hex(byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** Attempts per scope and key, with the sliding window and the all-at-once check of {@link Attempts}. */
    static final class InMemoryAttempts implements Attempts, Store {
        private final RecordingTransactions transactions;
        private Map<String, List<Instant>> byKey = new HashMap<>();

        InMemoryAttempts(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public Runnable checkpoint() {
            Map<String, List<Instant>> saved = new HashMap<>();
            byKey.forEach((key, times) -> saved.put(key, new ArrayList<>(times)));
            return () -> byKey = saved;
        }

        @Override
        public Optional<Instant> reserve(Quota quota, Instant now) {
            transactions.writing("attempts.reserve");
            List<Instant> times = byKey.computeIfAbsent(key(quota.scope(), quota.key()), key -> new ArrayList<>());
            Instant since = now.minus(quota.window());
            times.removeIf(at -> !at.isAfter(since));
            if (times.size() >= quota.limit()) {
                return times.stream().min(Comparator.naturalOrder()).map(oldest -> oldest.plus(quota.window()));
            }
            times.add(now);
            return Optional.empty();
        }

        @Override
        public void release(Scope scope, String key, Instant at) {
            transactions.writing("attempts.release");
            List<Instant> times = byKey.get(key(scope, key));
            if (times != null) {
                times.remove(at);
            }
        }

        @Override
        public void clear(Scope scope, String key) {
            transactions.writing("attempts.clear");
            byKey.remove(key(scope, key));
        }

        @Override
        public int forgetOlderThan(Instant horizon, int max) {
            List<String> old = byKey.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().allMatch(at -> at.isBefore(horizon)))
                    .map(Map.Entry::getKey).limit(max).toList();
            old.forEach(byKey::remove);
            return old.size();
        }

        /** The attempts on record for the key in the window before {@code now}. */
        long counted(Scope scope, String key, Instant now, Duration window) {
            return byKey.getOrDefault(key(scope, key), List.of()).stream().filter(at -> at.isAfter(now.minus(window))).count();
        }

        private static String key(Scope scope, String key) {
            return scope + "/" + key;
        }
    }
}
