package org.dreamdiary.adapter.memory;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;

/** Accounts in memory; usernames and e-mail addresses unique ignoring case, as the real unique indexes make them. */
final class MemoryUsers implements Users {
    private final MemoryTransactions transactions;
    private final Table<UserId, User> users;
    private final Cascade<UserId> deleted = new Cascade<>();

    MemoryUsers(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.users = new Table<>(transactions);
    }

    /** Where the deletion of an account goes on to everything it owns. */
    Cascade<UserId> deleted() {
        return deleted;
    }

    /** Whether some profile shows {@code attachment} as its avatar, which lets every user read it. */
    boolean showsAsAvatar(AttachmentId attachment) {
        return transactions.atomically(() -> users.rows().stream().anyMatch(user -> shows(user, attachment)));
    }

    /** A deleted attachment leaves the profile that showed it at a new version; its time of change stays. */
    void detachAvatar(AttachmentId attachment) {
        transactions.atomically(() -> users.rows().stream().filter(user -> shows(user, attachment)).toList()
                .forEach(user -> users.put(user.id(), new User(user.id(), user.username(), user.fullName(), user.email(),
                        user.phoneNumber(), null, user.passwordHash(), user.createdAt(), user.updatedAt(),
                        user.version() + 1))));
    }

    private static boolean shows(User user, AttachmentId attachment) {
        return attachment.value().equals(user.avatarAttachmentId());
    }

    @Override
    public void add(User user) {
        transactions.atomically(() -> {
            for (User other : users.rows()) {
                if (other.username().canonical().equals(user.username().canonical())) {
                    throw new ConflictException("the username is taken");
                }
                if (sameEmail(other, user)) {
                    throw new ConflictException("the e-mail address is taken");
                }
            }
            users.put(user.id(), user);
        });
    }

    @Override
    public Optional<User> byId(UserId id) {
        return transactions.atomically(() -> users.get(id));
    }

    @Override
    public Set<UserId> existing(Collection<UserId> ids) {
        return transactions.atomically(() -> ids.stream().filter(users::contains).collect(Collectors.toSet()));
    }

    @Override
    public Optional<User> byUsername(Username username) {
        return transactions.atomically(() -> users.rows().stream()
                .filter(user -> user.username().canonical().equals(username.canonical()))
                .findFirst());
    }

    @Override
    public void update(User changed) {
        transactions.atomically(() -> {
            User stored = users.get(changed.id()).orElse(null);
            if (stored == null || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the account");
            }
            for (User other : users.rows()) {
                if (!other.id().equals(changed.id()) && sameEmail(other, changed)) {
                    throw new ConflictException("the e-mail address is taken");
                }
            }
            users.put(changed.id(), changed);
        });
    }

    @Override
    public boolean delete(UserId id, OptionalLong expectedVersion) {
        return transactions.atomically(() -> {
            Optional<User> stored = users.get(id)
                    .filter(user -> VersionCondition.allows(expectedVersion, user.version()));
            stored.ifPresent(user -> {
                users.remove(id);
                deleted.deleted(id);
            });
            return stored.isPresent();
        });
    }

    @Override
    public Page<User> search(Optional<String> query, PageRequest page) {
        Optional<String> wanted = query.map(text -> text.toLowerCase(Locale.ROOT));
        return transactions.atomically(() -> {
            return Pages.of(users.rows().stream()
                    .filter(user -> wanted.map(text -> matches(user, text)).orElse(true))
                    .sorted(Comparator.comparing((User user) -> user.username().canonical())
                            .thenComparing(user -> user.id().value(), Uuids.ORDER)), page);
        });
    }

    /** Whether the username or the full name alone contains {@code text} (lower case): a query spanning both does not. */
    private static boolean matches(User user, String text) {
        return user.username().canonical().contains(text)
                || user.fullName() != null && user.fullName().value().toLowerCase(Locale.ROOT).contains(text);
    }

    private static boolean sameEmail(User a, User b) {
        return a.email() != null && b.email() != null && Objects.equals(a.email().canonical(), b.email().canonical());
    }
}
