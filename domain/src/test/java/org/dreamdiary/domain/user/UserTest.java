package org.dreamdiary.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T08:00:00.000Z");
    private static final Instant LATER = Instant.parse("2024-05-02T09:30:00.123Z");
    private static final String HASH = "$2b$12$secret.bcrypt.hash.value.that.must.stay.hidden";

    private final UserId id = new UserId(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    private final Username username = new Username("Dreamer_1");

    private User registered() {
        return User.register(id, username, HASH, new FullName("Ada Lovelace"), new Email("ada@example.com"),
                new PhoneNumber("+441234567890"), CREATED);
    }

    @Test
    void aNewlyRegisteredUserIsAtVersionOneWithEqualCreationAndUpdateTimes() {
        User user = registered();

        assertThat(user.version()).isEqualTo(1);
        assertThat(user.createdAt()).isEqualTo(CREATED);
        assertThat(user.updatedAt()).isEqualTo(user.createdAt());
        assertThat(user.avatarAttachmentId()).isNull();
        assertThat(user.id()).isEqualTo(id);
        assertThat(user.username()).isEqualTo(username);
        assertThat(user.passwordHash()).isEqualTo(HASH);
        assertThat(user.fullName()).isEqualTo(new FullName("Ada Lovelace"));
        assertThat(user.email()).isEqualTo(new Email("ada@example.com"));
        assertThat(user.phoneNumber()).isEqualTo(new PhoneNumber("+441234567890"));
    }

    @Test
    void aUserMayBeRegisteredWithoutAnyOptionalPart() {
        User user = User.register(id, username, HASH, null, null, null, CREATED);

        assertThat(user.fullName()).isNull();
        assertThat(user.email()).isNull();
        assertThat(user.phoneNumber()).isNull();
    }

    @Test
    void aNewProfileBumpsVersionAndUpdateTimeButKeepsIdentityCreationTimeAndPassword() {
        User before = registered();
        UUID avatar = UUID.randomUUID();

        User after = before.withProfile(new FullName("Ada King"), null, new PhoneNumber("+441111111111"), avatar, LATER);

        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(LATER);
        assertThat(after.createdAt()).isEqualTo(CREATED);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.username()).isEqualTo(before.username());
        assertThat(after.passwordHash()).isEqualTo(HASH);
        assertThat(after.fullName()).isEqualTo(new FullName("Ada King"));
        assertThat(after.email()).isNull();
        assertThat(after.phoneNumber()).isEqualTo(new PhoneNumber("+441111111111"));
        assertThat(after.avatarAttachmentId()).isEqualTo(avatar);
        assertThat(before.version()).as("the original is untouched").isEqualTo(1);
    }

    @Test
    void aNewPasswordHashBumpsVersionAndUpdateTimeButKeepsEverythingElse() {
        User before = registered();

        User after = before.withPasswordHash("new-hash", LATER);

        assertThat(after.passwordHash()).isEqualTo("new-hash");
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.updatedAt()).isEqualTo(LATER);
        assertThat(after.createdAt()).isEqualTo(CREATED);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.username()).isEqualTo(before.username());
        assertThat(after.fullName()).isEqualTo(before.fullName());
        assertThat(after.email()).isEqualTo(before.email());
        assertThat(after.phoneNumber()).isEqualTo(before.phoneNumber());
        assertThat(after.avatarAttachmentId()).isEqualTo(before.avatarAttachmentId());
    }

    @Test
    void successiveChangesKeepCountingVersions() {
        User user = registered().withProfile(null, null, null, null, LATER).withPasswordHash("h2", LATER.plusSeconds(1));

        assertThat(user.version()).isEqualTo(3);
        assertThat(user.updatedAt()).isEqualTo(LATER.plusSeconds(1));
    }

    @Test
    void toStringShowsIdAndUsernameButNeverThePasswordHashOrContactDetails() {
        String text = registered().toString();

        assertThat(text).contains(id.toString()).contains("Dreamer_1");
        assertThat(text).doesNotContain(HASH).doesNotContain("secret").doesNotContain("$2b$");
        assertThat(text).doesNotContain("ada@example.com").doesNotContain("+441234567890");
    }

    @Test
    void theRequiredPartsMayNotBeMissing() {
        assertThatThrownBy(() -> User.register(null, username, HASH, null, null, null, CREATED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> User.register(id, null, HASH, null, null, null, CREATED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> User.register(id, username, null, null, null, null, CREATED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> User.register(id, username, HASH, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
