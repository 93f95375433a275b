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
import java.util.function.Consumer;
import org.dreamdiary.adapter.http.HttpApi;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.chat.WatchChat;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
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
    private final Principal caller = new Principal(new UserId(UUID.randomUUID()), new SessionId(UUID.randomUUID()),
            Instant.now().plus(Duration.ofHours(1)));
    private final LiveChatRoutes live = new LiveChatRoutes(watch, new Authentication(token -> caller), Duration.ofSeconds(30));
    private final HttpApi api = new HttpApi(new SimpleMeterRegistry(), Duration.ofSeconds(1), Duration.ofSeconds(10), List.of(live))
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
    void anUpgradeWhileTheServerStopsIsRefusedWith503AndLeavesNoSubscription() throws Exception {
        live.close();

        CompletableFuture<WebSocket> upgrade = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(), new Client());

        assertThatThrownBy(() -> upgrade.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
                WebSocketHandshakeException.class, refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(503));
        assertThat(watch.listeners).isEmpty();
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + api.port() + "/api/v1/chats/" + CHAT + "/live?access_token=t");
    }
}
