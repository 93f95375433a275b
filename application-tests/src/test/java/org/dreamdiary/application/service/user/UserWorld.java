package org.dreamdiary.application.service.user;

import java.time.Instant;
import java.util.Optional;
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
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.service.AccountService;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.service.attachment.InMemoryAttachments;
import org.dreamdiary.application.service.attachment.InMemoryBlobStore;
import org.dreamdiary.application.service.chat.ChatFakes.ChatTransactions;
import org.dreamdiary.application.service.chat.ChatFakes.InMemoryChats;
import org.dreamdiary.application.service.chat.ChatFakes.RecordingChatEvents;
import org.dreamdiary.application.service.chat.ChatFakes.RecordingSessionEvents;
import org.dreamdiary.application.service.user.Fakes.FakeClock;
import org.dreamdiary.application.service.user.Fakes.FakeHasher;
import org.dreamdiary.application.service.user.Fakes.FakeTokenIssuer;
import org.dreamdiary.application.service.user.Fakes.InMemoryAttempts;
import org.dreamdiary.application.service.user.Fakes.InMemorySessions;
import org.dreamdiary.application.service.user.Fakes.InMemoryUsers;
import org.dreamdiary.application.service.user.Fakes.SequentialIds;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;

/** Every user and account use case wired to one shared set of fakes, as the composition root wires them to the real adapters. */
final class UserWorld {
    static final Instant START = Instant.parse("2024-06-01T10:00:00.000Z");
    static final String IP = "203.0.113.7";
    static final String OTHER_IP = "198.51.100.23";
    static final String PASSWORD = "correct horse battery";
    static final int REGISTRATIONS_PER_HOUR = 50;
    static final int SESSIONS_REMEMBERED = 100;

    final FakeClock clock = new FakeClock(START);
    final SequentialIds ids = new SequentialIds();
    final ChatTransactions transactions = new ChatTransactions();
    final InMemoryUsers users = transactions.register(new InMemoryUsers(transactions));
    final InMemorySessions sessions = transactions.register(new InMemorySessions(transactions));
    final InMemoryAttempts attempts = transactions.register(new InMemoryAttempts(transactions));
    final InMemoryAttachments attachments = transactions.register(new InMemoryAttachments(transactions));
    final FakeHasher hasher = new FakeHasher();
    final FakeTokenIssuer tokenIssuer = new FakeTokenIssuer();

    final RecordingSessionEvents sessionEvents = transactions.register(new RecordingSessionEvents(transactions));
    final ActiveSessionCache activeSessions =
            new ActiveSessionCache(sessions, sessionEvents, transactions, clock, SESSIONS_REMEMBERED);
    /** What the use cases that end sessions publish through, as the composition root wires them. */
    private final SessionEvents endingSessions = activeSessions.events();

    final SessionTokens sessionTokens = new SessionTokens(sessions, tokenIssuer, ids);
    final LoginThrottle throttle = new LoginThrottle(attempts, transactions);

    final UserService userService = new UserService(users, sessions, endingSessions, hasher, sessionTokens,
            new RegistrationThrottle(attempts, transactions, REGISTRATIONS_PER_HOUR), throttle,
            new AttachmentReferences(attachments), transactions, clock, ids);
    final SessionService sessionService = new SessionService(users, sessions, endingSessions, hasher, sessionTokens,
            throttle, tokenIssuer, activeSessions, transactions, clock);
    final InMemoryChats chats = transactions.register(new InMemoryChats(transactions, users));
    final RecordingChatEvents chatEvents = transactions.register(new RecordingChatEvents(transactions));
    final InMemoryBlobStore blobs = transactions.register(new InMemoryBlobStore(transactions, clock));
    final ListedAccountRecords accountRecords = new ListedAccountRecords();
    final AccountService accountService = new AccountService(users, accountRecords, chats, chatEvents, endingSessions,
            attachments, blobs, transactions, clock);
    final LiveSessionService watchSession = new LiveSessionService(sessions, endingSessions, clock);

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

    UserWorld() {
        users.cascadeDeletesTo(sessions::forgetUser);
    }

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

    User stored(User user) {
        return users.byId(user.id()).orElseThrow();
    }
}
