package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.error.ConflictException;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.PreconditionFailedException;
import org.dreamdiary.client.error.SessionRevokedException;
import org.dreamdiary.client.error.UnauthorizedException;
import org.dreamdiary.client.error.ValidationException;
import org.dreamdiary.client.model.Chat;
import org.dreamdiary.client.model.DiaryEntry;
import org.dreamdiary.client.model.Dream;
import org.dreamdiary.client.model.Goal;
import org.dreamdiary.client.model.GoalFromDream;
import org.dreamdiary.client.model.Message;
import org.dreamdiary.client.model.NewChat;
import org.dreamdiary.client.model.NewDiaryEntry;
import org.dreamdiary.client.model.NewTask;
import org.dreamdiary.client.model.Task;
import org.dreamdiary.client.model.Export;
import org.dreamdiary.client.model.Field;
import org.dreamdiary.client.model.NewDream;
import org.dreamdiary.client.model.NewUser;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.ProfileChanges;
import org.dreamdiary.client.model.Registration;
import org.dreamdiary.client.model.User;
import org.dreamdiary.client.model.UserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java client's users group against the running service on PostgreSQL. */
class ClientUsersE2ETest extends ClientTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @TempDir
    Path files;

    @Test
    void aRegisteredUserSeesAllOfItsProfileAndAnotherUserOnlyThePublicPart() {
        String name = Accounts.uniqueName("profile");
        DreamDiaryClient client = newClient();
        Registration registration = client.users().register(NewUser.of(name, Accounts.PASSWORD)
                .withEmail(name + "@example.org").withFullName("Ann Example").withPhoneNumber("+4915112345678"))
                .execute();
        User user = registration.user();
        assertThat(user.username()).isEqualTo(name);
        assertThat(user.links()).containsEntry("self", "/api/v1/users/" + user.id());
        assertThat(client.currentTokens()).as("signed in by registering").contains(registration.tokens());

        assertThat(client.users().ownProfile().execute()).isEqualTo(user);
        assertThat(client.users().get(user.id()).execute()).as("one's own, in full").isEqualTo(user);
        User seenByAnother = signedIn().users().get(user.id()).execute();
        assertThat(seenByAnother.username()).isEqualTo(name);
        assertThat(seenByAnother.fullName()).isEqualTo("Ann Example");
        assertThat(seenByAnother.email()).isNull();
        assertThat(seenByAnother.phoneNumber()).isNull();
    }

    @Test
    void registeringATakenUsernameIsAConflict() {
        String name = Accounts.uniqueName("taken");
        newClient().users().register(NewUser.of(name, Accounts.PASSWORD)).execute();

        DreamDiaryClient second = newClient();
        assertThatThrownBy(() -> second.users().register(NewUser.of(name.toUpperCase(), Accounts.PASSWORD)).execute())
                .isInstanceOfSatisfying(ConflictException.class, conflict ->
                        assertThat(conflict.status()).isEqualTo(409));
        assertThat(second.currentTokens()).isEmpty();
    }

    @Test
    void anInvalidRegistrationIsAValidationExceptionListingTheField() {
        assertThatThrownBy(() -> newClient().users().register(NewUser.of("no spaces allowed", Accounts.PASSWORD))
                .execute())
                .isInstanceOfSatisfying(ValidationException.class, invalid ->
                        assertThat(invalid.errors()).extracting(error -> error.field()).containsExactly("username"));
    }

    @Test
    void aWrongPasswordAtLoginIsUnauthorizedAndLeavesTheClientSignedOut() {
        String name = registered();
        DreamDiaryClient client = newClient();

        assertThatThrownBy(() -> client.tokens().logIn(name, "not the password at all").execute())
                .isInstanceOfSatisfying(UnauthorizedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.requestId()).isNotBlank();
                });
        assertThat(client.currentTokens()).isEmpty();
    }

    @Test
    void theProfileChangesFieldByFieldSetClearedOrLeftUnchanged() {
        DreamDiaryClient client = signedIn();

        User set = client.users().updateOwnProfile(ProfileChanges.none()
                .fullName(Field.set("Bo Example")).phoneNumber(Field.set("+4930123456"))).execute();
        assertThat(set.fullName()).isEqualTo("Bo Example");
        assertThat(set.phoneNumber()).isEqualTo("+4930123456");

        User cleared = client.users().updateOwnProfile(ProfileChanges.none().phoneNumber(Field.clear())).execute();
        assertThat(cleared.phoneNumber()).isNull();
        assertThat(cleared.fullName()).as("left unchanged").isEqualTo("Bo Example");
        assertThat(client.users().updateOwnProfile(ProfileChanges.none().avatarAttachmentId(Field.clear())).execute()
                .avatarUrl()).isNull();
        assertThat(client.users().ownProfile().execute()).isEqualTo(cleared);
    }

    @Test
    void anInvalidProfileChangeIsAValidationExceptionNamingTheField() {
        DreamDiaryClient client = signedIn();

        assertThatThrownBy(() -> client.users().updateOwnProfile(ProfileChanges.none()
                .phoneNumber(Field.set("12345"))).execute())
                .isInstanceOfSatisfying(ValidationException.class, invalid ->
                        assertThat(invalid.errors()).extracting(error -> error.field())
                                .containsExactly("phone_number"));
        assertThatThrownBy(() -> client.users().updateOwnProfile(ProfileChanges.none()
                .avatarAttachmentId(Field.set(UUID.randomUUID()))).execute())
                .as("no image of the user's").isInstanceOfSatisfying(ValidationException.class, invalid ->
                        assertThat(invalid.errors()).extracting(error -> error.field())
                                .containsExactly("avatar_attachment_id"));
    }

    @Test
    void aChangeToAStaleProfileIsPreconditionFailedWithTheCurrentProfileAndTheNextChangeSucceeds() {
        DreamDiaryClient mine = signedIn();
        mine.users().ownProfile().execute();
        DreamDiaryClient sameUserElsewhere = elsewhere(mine);
        sameUserElsewhere.users().updateOwnProfile(ProfileChanges.none().fullName(Field.set("Changed Elsewhere")))
                .execute();

        assertThatThrownBy(() -> mine.users().updateOwnProfile(ProfileChanges.none().fullName(Field.set("Mine")))
                .execute())
                .isInstanceOfSatisfying(PreconditionFailedException.class, stale ->
                        assertThat(stale.current(User.class)).map(User::fullName).contains("Changed Elsewhere"));
        assertThat(mine.users().updateOwnProfile(ProfileChanges.none().fullName(Field.set("Mine"))).execute()
                .fullName()).isEqualTo("Mine");
    }

    @Test
    void searchFindsUsersByPartOfTheirNameAPageAtATimeAndAllOfThemAcrossPages() {
        String prefix = Accounts.uniqueName("find");
        List<String> names = IntStream.rangeClosed(1, 5).mapToObj(n -> prefix + "_" + n).toList();
        names.forEach(name -> newClient().users().register(NewUser.of(name, Accounts.PASSWORD)
                .withEmail(name + "@example.org")).execute());
        DreamDiaryClient client = signedIn();

        Page<User> first = client.users().list(UserQuery.all().search(prefix.toUpperCase()).page(1, 2)).execute();
        assertThat(first.items()).extracting(User::username).containsExactly(names.get(0), names.get(1));
        assertThat(first.items()).extracting(User::email).containsOnlyNulls();
        assertThat(first.meta().totalItems()).isEqualTo(5);
        assertThat(first.meta().totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();

        assertThat(client.users().all(UserQuery.all().search(prefix).page(1, 2)).map(User::username))
                .containsExactlyElementsOf(names);
        assertThat(client.users().all(UserQuery.all().search(prefix + "_9"))).isEmpty();
    }

    @Test
    void aPasswordChangeRefusesTheOldPasswordKeepsThisSessionAndEndsTheOthers() {
        String name = Accounts.uniqueName("password");
        DreamDiaryClient client = newClient();
        client.users().register(NewUser.of(name, Accounts.PASSWORD)).execute();
        DreamDiaryClient otherSession = newClient();
        otherSession.logIn(name, Accounts.PASSWORD);

        assertThatThrownBy(() -> client.users().changePassword("not the current one", NEW_PASSWORD).execute())
                .isInstanceOfSatisfying(ValidationException.class, wrong ->
                        assertThat(wrong.errors()).extracting(error -> error.field())
                                .containsExactly("current_password"));
        client.users().changePassword(Accounts.PASSWORD, NEW_PASSWORD).execute();

        assertThat(client.users().ownProfile().execute().username()).as("this session stays").isEqualTo(name);
        assertThatThrownBy(() -> otherSession.users().ownProfile().execute())
                .as("the other session ended").isInstanceOf(SessionRevokedException.class);
        assertThatThrownBy(() -> newClient().tokens().logIn(name, Accounts.PASSWORD).execute())
                .isInstanceOf(UnauthorizedException.class);
        assertThat(newClient().tokens().logIn(name, NEW_PASSWORD).execute().accessToken()).isNotBlank();
    }

    @Test
    void aPasswordChangeAgainstAStaleProfileIsPreconditionFailedAndThePasswordStays() {
        String name = Accounts.uniqueName("stale");
        DreamDiaryClient mine = newClient();
        mine.users().register(NewUser.of(name, Accounts.PASSWORD)).execute();
        mine.users().ownProfile().execute();
        elsewhere(mine).users().updateOwnProfile(ProfileChanges.none().fullName(Field.set("Changed Elsewhere")))
                .execute();

        assertThatThrownBy(() -> mine.users().changePassword(Accounts.PASSWORD, NEW_PASSWORD).execute())
                .isInstanceOfSatisfying(PreconditionFailedException.class, stale ->
                        assertThat(stale.current(User.class)).map(User::fullName).contains("Changed Elsewhere"));
        assertThat(newClient().tokens().logIn(name, Accounts.PASSWORD).execute().accessToken()).isNotBlank();
    }

    @Test
    void aDeletedAccountIsGoneItsClientSignedOutAndItsPasswordRefused() {
        String name = Accounts.uniqueName("leaving");
        DreamDiaryClient client = newClient();
        UUID id = client.users().register(NewUser.of(name, Accounts.PASSWORD)).execute().user().id();
        client.users().changePassword(Accounts.PASSWORD, NEW_PASSWORD).execute();
        // the password change gave the profile a new version: read it before the next conditional change
        client.users().ownProfile().execute();

        client.users().deleteOwnAccount().execute();

        assertThat(client.currentTokens()).isEmpty();
        assertThatThrownBy(() -> client.users().ownProfile().execute()).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> newClient().tokens().logIn(name, NEW_PASSWORD).execute())
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> signedIn().users().get(id).execute()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> signedIn().users().get(UUID.randomUUID()).execute())
                .isInstanceOfSatisfying(NotFoundException.class, notFound ->
                        assertThat(notFound.status()).isEqualTo(404));
    }

    @Test
    void theExportHoldsTheProfileAndTheDreamsTypedAndEveryPartWhenWrittenToAFile() throws IOException {
        DreamDiaryClient client = signedIn();
        User me = client.users().ownProfile().execute();
        Dream created = client.dreams().create(NewDream.named("See the aurora").withDescription("in Tromsø")).execute();
        Goal goal = client.goals().formFrom(created.id(), GoalFromDream.asDreamed()).execute();
        Task task = client.tasks().add(goal.id(), NewTask.of("Book the flight")).execute();
        DiaryEntry entry = client.diary().write(NewDiaryEntry.saying("Booked it")).execute();
        Chat chat = client.chats().create(NewChat.titled("Northern lights")).execute();
        Message message = client.messages().post(chat.id(), "Who comes along?").execute();
        Dream dream = client.dreams().get(created.id()).execute();

        Export export = client.users().export().execute();
        assertThat(export.profile()).isEqualTo(me);
        assertThat(export.dreams()).containsExactly(dream);
        assertThat(export.goals()).extracting(Goal::id).containsExactly(goal.id());
        assertThat(export.tasks()).containsExactly(task);
        assertThat(export.diary()).containsExactly(entry);
        assertThat(export.chats()).singleElement().satisfies(owned -> {
            assertThat(owned.chat().id()).isEqualTo(chat.id());
            assertThat(owned.messages()).containsExactly(message);
        });
        assertThat(export.messages()).containsExactly(message);
        assertThat(export.attachments()).isEmpty();
        assertThat(export.exportedAt()).isAfterOrEqualTo(dream.createdAt());

        Path file = client.users().exportTo(files.resolve("export.json")).execute();
        JsonNode document = new ObjectMapper().readTree(file.toFile());
        assertThat(document.fieldNames()).toIterable().containsExactlyInAnyOrder("exported_at", "profile", "dreams",
                "goals", "tasks", "diary", "attachments", "chats", "messages");
        assertThat(document.get("dreams").get(0).get("name").asText()).isEqualTo("See the aurora");
    }

    /** Registers a user on a client of its own, and gives its username. */
    private String registered() {
        String name = Accounts.uniqueName("user");
        newClient().users().register(NewUser.of(name, Accounts.PASSWORD)).execute();
        return name;
    }

    /** Another client in the same session as {@code client}, which keeps the versions it read to itself. */
    private DreamDiaryClient elsewhere(DreamDiaryClient client) {
        return track(DreamDiaryClient.builder(service.baseUri()).tokens(client.currentTokens().orElseThrow()).build());
    }
}
