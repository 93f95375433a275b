package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.adapter.memory.MemoryStorage;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.ExportAccount;
import org.dreamdiary.application.port.in.user.Authenticate;
import org.dreamdiary.application.port.in.user.ChangePassword;
import org.dreamdiary.application.port.in.user.DeleteAccount;
import org.dreamdiary.application.port.in.user.GetOwnProfile;
import org.dreamdiary.application.port.in.user.GetUser;
import org.dreamdiary.application.port.in.user.LogIn;
import org.dreamdiary.application.port.in.user.LogOut;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RefreshSession;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.application.port.in.user.RegisterUser.Registration;
import org.dreamdiary.application.port.in.user.SearchUsers;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.in.user.UpdateProfile;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.application.service.AccountService;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.service.Heard;
import org.dreamdiary.application.service.SequentialIds;
import org.dreamdiary.application.service.SettableClock;
import org.dreamdiary.application.service.WatchedTransactions;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;

/**
 * Every user and account use case wired to one memory store, as the composition root wires them to the storage it
 * selects. The use cases reach the store through {@link #transactions}, which watches them; the tests arrange and read
 * through the store's own ports, unwatched.
 */
final class UserWorld implements AutoCloseable {
    static final Instant START = Instant.parse("2024-06-01T10:00:00.000Z");
    static final String IP = "203.0.113.7";
    static final String OTHER_IP = "198.51.100.23";
    static final String PASSWORD = "correct horse battery";
    static final int REGISTRATIONS_PER_HOUR = 50;
    static final int SESSIONS_REMEMBERED = 100;

    final SettableClock clock = new SettableClock(START);
    final SequentialIds ids = new SequentialIds();
    final FakeHasher hasher = new FakeHasher();
    final FakeTokenIssuer tokenIssuer = new FakeTokenIssuer();

    final MemoryStorage storage = new MemoryStorage();
    final WatchedTransactions transactions = new WatchedTransactions(storage.transactions());
    final Users users = storage.users();
    final Sessions sessions = storage.sessions();
    final Attachments attachments = storage.attachments();
    final BlobStore blobs = storage.blobs();
    final Chats chats = storage.chats();
    final Heard<SessionsEnded> sessionsEnded = Heard.sessionEnds(storage.sessionEvents());
    final Heard<ChatEvent> chatEvents = Heard.chatEvents(storage.chatEvents());
    /** How this node hears the ends of sessions: a link that tests can hold back or break. */
    final SessionEventsLink sessionEvents = new SessionEventsLink(
            transactions.watch(SessionEvents.class, storage.sessionEvents()), sessionsEnded::settle);

    private final Users watchedUsers = transactions.watch(Users.class, users);
    private final Sessions watchedSessions = transactions.watch(Sessions.class, sessions);
    private final Attempts watchedAttempts = transactions.watch(Attempts.class, storage.attempts());
    private final AttachmentReferences references =
            new AttachmentReferences(transactions.watch(Attachments.class, attachments));

    final ActiveSessionCache activeSessions =
            new ActiveSessionCache(watchedSessions, sessionEvents, transactions, clock, SESSIONS_REMEMBERED);
    /** What the use cases that end sessions publish through, as the composition root wires them. */
    private final SessionEvents endingSessions = activeSessions.events();
    private final SessionTokens sessionTokens = new SessionTokens(watchedSessions, tokenIssuer, ids);
    private final LoginThrottle throttle = new LoginThrottle(watchedAttempts, transactions);

    final UserService userService = new UserService(watchedUsers, watchedSessions, endingSessions, hasher,
            sessionTokens, new RegistrationThrottle(watchedAttempts, transactions, REGISTRATIONS_PER_HOUR), throttle,
            references, transactions, clock, ids);
    final SessionService sessionService = new SessionService(watchedUsers, watchedSessions, endingSessions, hasher,
            sessionTokens, throttle, tokenIssuer, activeSessions, transactions, clock);
    final AccountService accountService = new AccountService(watchedUsers, storage.accountRecords(),
            transactions.watch(Chats.class, chats), transactions.watch(ChatEvents.class, storage.chatEvents()),
            endingSessions, transactions.watch(Attachments.class, attachments),
            transactions.watch(BlobStore.class, blobs), transactions, clock);
    final LiveSessionService watchSession = new LiveSessionService(watchedSessions, endingSessions, clock);

    // each use case by its port, as the routes see them
    final RegisterUser register = userService;
    final GetOwnProfile ownProfile = userService;
    final GetUser getUser = userService;
    final SearchUsers searchUsers = userService;
    final UpdateProfile updateProfile = userService;
    final ChangePassword changePassword = userService;
    final LogIn logIn = sessionService;
    final RefreshSession refresh = sessionService;
    final Authenticate authenticate = sessionService;
    final LogOut logOut = sessionService;
    final DeleteAccount deleteAccount = accountService;
    final ExportAccount export = accountService;

    /** An account opened through the use case, with {@link #PASSWORD}. */
    Registration registered(String username) {
        return registered(username, PASSWORD);
    }

    Registration registered(String username, String password) {
        return register.register(command(username, password, Optional.empty()), IP);
    }

    Registration registeredWithEmail(String username, String email) {
        return register.register(command(username, PASSWORD, Optional.of(new Email(email))), IP);
    }

    static RegisterUser.Command command(String username, String password, Optional<Email> email) {
        return new RegisterUser.Command(new Username(username), password, email, Optional.empty(), Optional.empty());
    }

    /** Who the access token of {@code tokens} stands for, as every authenticated request finds out. */
    Principal principal(TokenPair tokens) {
        return authenticate.authenticate(tokens.accessToken());
    }

    /** The notification of another node that sessions ended, once this node has heard it. */
    void heardFromElsewhere(SessionsEnded ended) {
        storage.sessionEvents().publish(ended);
        sessionsEnded.settle();
    }

    User stored(User user) {
        return users.byId(user.id()).orElseThrow();
    }

    /** How many accounts the store holds. */
    long accounts() {
        return users.search(Optional.empty(), new PageRequest(1, 1)).totalItems();
    }

    /** The sessions the use cases opened for {@code user} that the store still holds live. */
    List<SessionId> activeSessionsOf(UserId user) {
        return transactions.calls("Sessions.open").stream()
                .filter(open -> open.arg(1).equals(user))
                .map(open -> (SessionId) open.arg(0))
                .filter(session -> sessions.isActive(session, user))
                .toList();
    }

    /**
     * How many attempts the store holds for the key in the window before {@code now}. The store tells it only by
     * refusing a reservation beyond its limit, so this finds the smallest limit with room left, each reservation tried
     * in a transaction then rolled back, which leaves the store as it was.
     */
    long attempts(Scope scope, String key, Instant now, Duration window) {
        int limit = 1;
        while (!hasRoom(new Quota(scope, key, limit, window), now)) {
            limit++;
        }
        return limit - 1L;
    }

    private boolean hasRoom(Quota quota, Instant now) {
        try {
            return storage.transactions().inTransaction(() -> {
                throw new Tried(storage.attempts().reserve(quota, now).isEmpty());
            });
        } catch (Tried tried) {
            return tried.hadRoom;
        }
    }

    /** Carries the answer of a reservation out of the transaction it rolls back. */
    private static final class Tried extends RuntimeException {
        final boolean hadRoom;

        Tried(boolean hadRoom) {
            super(null, null, false, false);
            this.hadRoom = hadRoom;
        }
    }

    @Override
    public void close() {
        storage.close();
    }
}
