package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.model.Tokens;
import org.dreamdiary.client.error.SessionRevokedException;
import org.dreamdiary.client.error.UnauthorizedException;
import org.dreamdiary.client.model.DreamQuery;
import org.dreamdiary.client.model.NewDream;
import org.dreamdiary.client.model.NewUser;
import org.junit.jupiter.api.Test;

/**
 * The Java client's sessions against the running service, whose access tokens live two seconds: it logs in once,
 * refreshes by itself across an expiry (before it, or after a {@code 401}), reports every new pair, starts from saved
 * tokens, and reports a refresh-token reuse as {@link SessionRevokedException}.
 */
class ClientSessionsE2ETest extends ClientTest {
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Override
    protected Map<String, String> environment() {
        return Map.of("ACCESS_TOKEN_TTL_SECONDS", Long.toString(TOKEN_LIFETIME.toSeconds()));
    }

    private String registered() {
        String username = Accounts.uniqueName("session");
        newClient().users().register(NewUser.of(username, Accounts.PASSWORD)).execute();
        return username;
    }

    @Test
    void afterLoggingInOnceTheClientRefreshesBeforeTheAccessTokenExpiresAndReportsEachNewPair() {
        List<Tokens> reported = new CopyOnWriteArrayList<>();
        DreamDiaryClient client = track(DreamDiaryClient.builder(service.baseUri()).onTokensChanged(reported::add).build());

        Tokens first = client.logIn(registered(), Accounts.PASSWORD);
        assertThat(reported).containsExactly(first);
        client.dreams().create(NewDream.named("Before the expiry")).execute();
        waitUntilPast(first.accessTokenExpiresAt());

        assertThat(client.dreams().list(DreamQuery.all()).execute().items()).hasSize(1);
        assertThat(reported).hasSize(2);
        assertThat(reported.get(1).refreshToken()).as("rotated").isNotEqualTo(first.refreshToken());
        assertThat(client.currentTokens()).contains(reported.get(1));
    }

    @Test
    void aClientWhoseClockStandsStillRefreshesWhenTheServiceRefusesTheExpiredTokenAndRetriesTheCall() {
        List<Tokens> reported = new CopyOnWriteArrayList<>();
        // a clock that stands still: the client never thinks the token is about to expire, only the 401 can tell it
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        DreamDiaryClient client = track(DreamDiaryClient.builder(service.baseUri()).clock(stopped)
                .onTokensChanged(reported::add).build());
        client.logIn(registered(), Accounts.PASSWORD);
        waitUntilPast(Instant.now().plus(TOKEN_LIFETIME));

        assertThat(client.dreams().create(NewDream.named("After the expiry")).execute().name())
                .isEqualTo("After the expiry");
        assertThat(reported).as("the login and the refresh after the 401").hasSize(2);
    }

    @Test
    void aClientStartedFromSavedTokensIsSignedInWithoutThePassword() {
        DreamDiaryClient first = track(DreamDiaryClient.builder(service.baseUri()).build());
        Tokens saved = first.logIn(registered(), Accounts.PASSWORD);
        first.dreams().create(NewDream.named("Saved")).execute();

        DreamDiaryClient resumed = track(DreamDiaryClient.builder(service.baseUri()).tokens(saved).build());

        assertThat(resumed.dreams().all(DreamQuery.all()).map(dream -> dream.name())).containsExactly("Saved");
    }

    @Test
    void aRefreshTokenUsedTwiceEndsTheSessionForBothHoldersAsSessionRevoked() {
        DreamDiaryClient original = track(DreamDiaryClient.builder(service.baseUri()).build());
        Tokens copied = original.logIn(registered(), Accounts.PASSWORD);
        DreamDiaryClient copy = track(DreamDiaryClient.builder(service.baseUri()).tokens(copied).build());

        original.tokens().refresh().execute();

        assertThatThrownBy(() -> copy.tokens().refresh().execute())
                .isInstanceOfSatisfying(SessionRevokedException.class, revoked -> {
                    assertThat(revoked.status()).isEqualTo(401);
                    assertThat(revoked.requestId()).isNotBlank();
                });
        assertThat(copy.currentTokens()).as("a revoked session's tokens are forgotten").isEmpty();
        assertThatThrownBy(() -> original.dreams().list(DreamQuery.all()).execute())
                .as("the session of the rotated pair was revoked too: its refresh is refused")
                .isInstanceOf(SessionRevokedException.class);
    }

    @Test
    void afterLoggingOutCallsAreUnauthorizedAndAWrongPasswordIsUnauthorized() {
        DreamDiaryClient client = track(DreamDiaryClient.builder(service.baseUri()).build());
        String username = registered();
        client.logIn(username, Accounts.PASSWORD);

        client.tokens().logOut().execute();

        assertThat(client.currentTokens()).isEmpty();
        assertThatThrownBy(() -> client.dreams().list(DreamQuery.all()).execute())
                .isInstanceOf(UnauthorizedException.class)
                .isNotInstanceOf(SessionRevokedException.class);
        assertThatThrownBy(() -> client.logIn(username, "not the password"))
                .isInstanceOfSatisfying(UnauthorizedException.class,
                        refused -> assertThat(refused.type()).isEqualTo("/problems/unauthorized"));
    }

    /** Waits (bounded) until the wall clock is past {@code instant}, as an expiry needs. */
    private static void waitUntilPast(Instant instant) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!Instant.now().isAfter(instant.plusMillis(100))) {
            assertThat(Instant.now()).as("waited too long").isBefore(giveUp);
            try {
                Thread.sleep(Math.max(1, Duration.between(Instant.now(), instant).toMillis() + 101));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
