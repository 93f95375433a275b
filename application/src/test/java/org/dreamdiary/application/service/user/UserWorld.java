package org.dreamdiary.application.service.user;

import java.time.Instant;
import java.util.Optional;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.application.port.in.user.RegisterUser.Registration;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.user.SessionEvents;
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

/** Every user use case wired to one shared set of fakes, as the composition root wires them to the real adapters. */
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

    final RegisterUserService register = new RegisterUserService(users, sessionTokens, hasher, transactions, clock, ids,
            new RegistrationThrottle(attempts, transactions, REGISTRATIONS_PER_HOUR));
    final LogInService logIn = new LogInService(users, hasher, sessionTokens, throttle, transactions, clock);
    final RefreshSessionService refresh =
            new RefreshSessionService(sessions, sessionTokens, endingSessions, transactions, clock);
    final AuthenticateService authenticate = new AuthenticateService(tokenIssuer, activeSessions, clock);
    final LogOutService logOut = new LogOutService(sessions, endingSessions, transactions, clock);
    final ProfileQueriesService profiles = new ProfileQueriesService(users);
    final UpdateProfileService updateProfile = new UpdateProfileService(users, new AttachmentReferences(attachments), transactions, clock);
    final ChangePasswordService changePassword =
            new ChangePasswordService(users, sessions, endingSessions, hasher, throttle, transactions, clock);
    final InMemoryChats chats = transactions.register(new InMemoryChats(transactions, users));
    final RecordingChatEvents chatEvents = transactions.register(new RecordingChatEvents(transactions));
    final InMemoryBlobStore blobs = transactions.register(new InMemoryBlobStore(transactions, clock));
    final DeleteAccountService deleteAccount = new DeleteAccountService(users, chats, chatEvents, endingSessions,
            attachments, blobs, transactions);

    final WatchSessionService watchSession = new WatchSessionService(sessions, endingSessions, clock);

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
