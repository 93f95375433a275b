package org.dreamdiary.adapter.http.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dreamdiary.adapter.http.HttpApi;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.network.CorsOrigins;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.chat.WatchChat;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.WatchSession;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live route's timing, with a slow subscription standing in for the chat service: a client may act the moment it
 * reads the 101, before the server has seen the socket open, so the subscription must already exist by then.
 */
class LiveChatRoutesTest {
    private static final Duration SLOW_SUBSCRIPTION = Duration.ofMillis(300);
    private static final ChatId CHAT = new ChatId(UUID.randomUUID());

    /** Subscribes slowly and remembers every listener, so the test can publish to it. */
    private static final class SlowWatch implements WatchChat {
        final List<Consumer<ChatEvent>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void requireMember(UserId caller, ChatId chat) {
        }

        @Override
        public Subscription watch(UserId caller, ChatId chat, Consumer<ChatEvent> listener) {
            try {
                Thread.sleep(SLOW_SUBSCRIPTION.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    /**
     * Sessions watched by the route; {@link #endAll} ends them, {@link #ended} refuses new watches, and
     * {@link #tokenLeft} is what the service's clock says of the token.
     */
    private static final class Sessions implements WatchSession {
        final List<Runnable> watching = new CopyOnWriteArrayList<>();
        volatile boolean ended;
        volatile Duration tokenLeft = Duration.ofHours(1);

        @Override
        public Subscription watch(Principal caller, Runnable onEnd) {
            if (ended) {
                throw new UnauthenticatedException("the session has ended");
            }
            watching.add(onEnd);
            return () -> watching.remove(onEnd);
        }

        @Override
        public Duration tokenLeft(Principal caller) {
            return tokenLeft;
        }

        void endAll() {
            ended = true;
            watching.forEach(Runnable::run);
        }
    }

    /** Collects the frames and the close of one client socket. */
    private static final class Client implements WebSocket.Listener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closedWith = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frames.add(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }
    }

    private final SlowWatch watch = new SlowWatch();
    private final Sessions sessions = new Sessions();
    private final Principal caller = new Principal(new UserId(UUID.randomUUID()), new SessionId(UUID.randomUUID()),
            Instant.now().plus(Duration.ofHours(1)));
    private final LiveChatRoutes live = new LiveChatRoutes(watch, sessions, new Authentication(token -> caller),
            CorsOrigins.none(), Duration.ofSeconds(30));
    private final HttpApi api = new HttpApi(new SimpleMeterRegistry(), Duration.ofSeconds(1), Duration.ofSeconds(10),
            handler -> handler, CorsOrigins.none(), List.of(live))
            .start("127.0.0.1", 0);

    @AfterEach
    void stop() {
        live.close();
        api.stop();
    }

    @Test
    void theSubscriptionExistsBeforeTheClientLearnsTheSocketIsOpenSoNothingItCausesNextIsMissed() throws Exception {
        Client client = new Client();

        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(), client).get(10, TimeUnit.SECONDS);

        assertThat(watch.listeners).as("subscriptions when the client got its 101").hasSize(1);
        watch.listeners.get(0).accept(ChatEvent.chatDeleted(CHAT));
        assertThat(client.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(LiveCloseCodes.CHAT_DELETED);
        assertThat(client.frames).containsExactly("{\"event\":\"chat.deleted\",\"data\":{\"id\":\"" + CHAT + "\"}}");
        socket.abort();
    }

    @Test
    void givenAnOpenSocket_whenItsSessionEnds_thenItClosesWith4001AndLeavesNoSubscription() throws Exception {
        Client client = new Client();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(), client).get(10, TimeUnit.SECONDS);

        sessions.endAll();

        assertThat(client.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(LiveCloseCodes.TOKEN_ENDED);
        awaitTrue(() -> watch.listeners.isEmpty() && sessions.watching.isEmpty());
        socket.abort();
    }

    @Test
    void givenATokenTheServicesClockSaysRunsOut_whenTheSocketIsOpen_thenItClosesWith4001ThoughTheMachinesClockDisagrees()
            throws Exception {
        sessions.tokenLeft = Duration.ofMillis(200);
        Client client = new Client();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(), client).get(10, TimeUnit.SECONDS);

        assertThat(client.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(LiveCloseCodes.TOKEN_ENDED);
        assertThat(caller.expiresAt()).as("by the machine's clock the token has an hour left").isAfter(Instant.now());
        socket.abort();
    }

    @Test
    void givenASessionThatEndedAfterItsTokenWasChecked_whenUpgrading_thenRefusedWith401AndNoSubscriptionIsLeft() {
        sessions.ended = true;

        CompletableFuture<WebSocket> upgrade = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(), new Client());

        assertThatThrownBy(() -> upgrade.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
                WebSocketHandshakeException.class, refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
        assertThat(watch.listeners).isEmpty();
    }

    @Test
    void givenAClientClosingWithALineBreakInItsReason_whenTheCloseIsLogged_thenTheReasonIsEscapedOnOneLine()
            throws Exception {
        try (LogCapture log = LogCapture.of(LiveChatRoutes.class.getName())) {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(), new Client())
                    .get(10, TimeUnit.SECONDS);

            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye\nFAKE LOG LINE").get(10, TimeUnit.SECONDS);

            awaitTrue(() -> closeLine(log) != null);
            assertThat(closeLine(log)).endsWith(": 1000 bye\\nFAKE LOG LINE").doesNotContain("\n", "\r");
            socket.abort();
        }
    }

    private static String closeLine(LogCapture log) {
        return log.lines().stream().map(LogCapture.Line::message).filter(line -> line.startsWith("live socket closed"))
                .findFirst().orElse(null);
    }

    @Test
    void anUpgradeWhileTheServerStopsIsRefusedWith503AndLeavesNoSubscription() throws Exception {
        live.close();

        CompletableFuture<WebSocket> upgrade = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(), new Client());

        assertThatThrownBy(() -> upgrade.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
                WebSocketHandshakeException.class, refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(503));
        assertThat(watch.listeners).isEmpty();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + api.port() + "/api/v1/chats/" + CHAT + "/live?access_token=t");
    }
}
