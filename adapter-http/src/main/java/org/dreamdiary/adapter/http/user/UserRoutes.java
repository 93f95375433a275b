package org.dreamdiary.adapter.http.user;

import static org.dreamdiary.adapter.http.json.FieldTypes.exactText;
import static org.dreamdiary.adapter.http.json.FieldTypes.text;
import static org.dreamdiary.adapter.http.json.FieldTypes.uuid;

import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.network.ClientAddresses;
import org.dreamdiary.adapter.http.observability.LogSafe;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.adapter.http.user.UserResources.OwnProfile;
import org.dreamdiary.adapter.http.profile.UserProfiles.PublicProfile;
import org.dreamdiary.adapter.http.user.UserResources.Registered;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.ExportAccount;
import org.dreamdiary.application.port.in.user.ChangePassword;
import org.dreamdiary.application.port.in.user.DeleteAccount;
import org.dreamdiary.application.port.in.user.GetOwnProfile;
import org.dreamdiary.application.port.in.user.GetUser;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.application.port.in.user.RegisterUser.Registration;
import org.dreamdiary.application.port.in.user.SearchUsers;
import org.dreamdiary.application.port.in.user.UpdateProfile;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PasswordPolicy;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/users}: registration, profiles, password, account deletion and export. */
public final class UserRoutes implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(UserRoutes.class);

    private static final FieldType<Username> USERNAME = text(0, 64).then(Username::new);
    private static final FieldType<String> PASSWORD = exactText(PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
    private static final FieldType<Email> EMAIL = text(0, 254).then(Email::new);
    private static final FieldType<FullName> FULL_NAME = text(0, FullName.MAX_LENGTH).then(FullName::new);
    private static final FieldType<PhoneNumber> PHONE = text(0, 16).then(PhoneNumber::new);

    private final RegisterUser registerUser;
    private final GetOwnProfile getOwnProfile;
    private final GetUser getUser;
    private final SearchUsers searchUsers;
    private final UpdateProfile updateProfile;
    private final ChangePassword changePassword;
    private final DeleteAccount deleteAccount;
    private final ExportAccount exportAccount;
    private final Authentication authentication;
    private final ClientAddresses clientAddresses;

    public UserRoutes(RegisterUser registerUser, GetOwnProfile getOwnProfile, GetUser getUser, SearchUsers searchUsers,
                      UpdateProfile updateProfile, ChangePassword changePassword, DeleteAccount deleteAccount,
                      ExportAccount exportAccount, Authentication authentication, ClientAddresses clientAddresses) {
        this.registerUser = registerUser;
        this.getOwnProfile = getOwnProfile;
        this.getUser = getUser;
        this.searchUsers = searchUsers;
        this.updateProfile = updateProfile;
        this.changePassword = changePassword;
        this.deleteAccount = deleteAccount;
        this.exportAccount = exportAccount;
        this.authentication = authentication;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public void register(Router router) {
        router.anonymousPost("/api/v1/users", this::register);
        router.get("/api/v1/users", this::search);
        // "me" first: it must not be read as an id.
        router.get("/api/v1/users/me", this::ownProfile);
        router.patch("/api/v1/users/me", this::updateProfile);
        router.delete("/api/v1/users/me", this::deleteAccount);
        router.put("/api/v1/users/me/password", this::changePassword);
        router.get("/api/v1/users/me/export", this::export);
        router.get("/api/v1/users/{id}", this::user);
    }

    private void register(Context ctx) {
        JsonFields in = JsonBody.fields(ctx);
        Username username = in.required("username", USERNAME);
        String password = in.required("password", PASSWORD);
        Optional<Email> email = in.optional("email", EMAIL);
        Optional<FullName> fullName = in.optional("full_name", FULL_NAME);
        Optional<PhoneNumber> phone = in.optional("phone_number", PHONE);
        in.validate();

        Registration registration = registerUser.register(
                new RegisterUser.Command(username, password, email, fullName, phone), clientAddresses.of(ctx));
        OwnProfile profile = OwnProfile.of(registration.user());
        ctx.header("Cache-Control", "no-store");
        Respond.created(ctx, profile.links().self(), new Registered(profile, registration.tokens().accessToken(), "Bearer",
                registration.tokens().expiresInSeconds(), registration.tokens().refreshToken()));
    }

    private void search(Context ctx) {
        Principal caller = authentication.require(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        Optional<String> q = query.text("q", 200);
        query.validate();
        Paging.respond(ctx, searchUsers.search(caller, q, page), PublicProfile::of);
    }

    private void user(Context ctx) {
        Principal caller = authentication.require(ctx);
        User user = getUser.user(caller, PathIds.user(ctx));
        Object profile = user.id().equals(caller.user()) ? OwnProfile.of(user) : PublicProfile.of(user);
        Conditional.respond(ctx, user.version(), profile);
    }

    private void updateProfile(Context ctx) {
        Principal caller = authentication.require(ctx);
        JsonFields in = JsonBody.fields(ctx);
        UpdateProfile.Changes changes = new UpdateProfile.Changes(
                in.clearable("full_name", FULL_NAME),
                in.clearable("email", EMAIL),
                in.clearable("phone_number", PHONE),
                in.clearable("avatar_attachment_id", uuid()));
        in.validate();
        User updated = updateProfile.update(caller, changes, Conditional.ifMatch(ctx));
        Conditional.respondChanged(ctx, updated.version(), OwnProfile.of(updated));
    }

    private void ownProfile(Context ctx) {
        User user = getOwnProfile.ownProfile(authentication.require(ctx));
        Conditional.respond(ctx, user.version(), OwnProfile.of(user));
    }

    private void changePassword(Context ctx) {
        Principal caller = authentication.require(ctx);
        JsonFields in = JsonBody.fields(ctx);
        String current = in.required("current_password", exactText(1, 1024));
        String fresh = in.required("new_password", PASSWORD);
        in.validate();
        changePassword.change(caller, current, fresh, clientAddresses.of(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    private void deleteAccount(Context ctx) {
        Principal caller = authentication.require(ctx);
        deleteAccount.delete(caller, Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    /** Written while it is read: the memory an export takes does not grow with the account. */
    private void export(Context ctx) {
        Principal caller = authentication.require(ctx);
        JsonArchive archive = new JsonArchive(() -> {
            ctx.status(200).contentType(Respond.JSON);
            ctx.header("Content-Disposition", "attachment; filename=\"dream-diary-export.json\"");
            ctx.header("Cache-Control", "no-store");
            return ctx.outputStream();
        });
        try {
            exportAccount.export(caller.user(), archive);
            archive.finish();
        } catch (UncheckedIOException cutOff) {
            // only writing to the client fails so: it went away midway, and there is no one left to answer
            LOG.info("export cut off: {}", LogSafe.text(cutOff.getCause()));
        }
    }
}
