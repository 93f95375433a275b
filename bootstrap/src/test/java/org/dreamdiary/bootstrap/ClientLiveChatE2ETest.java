package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.api.ChatListener;
import org.dreamdiary.client.api.LiveChat;
import org.dreamdiary.client.model.Chat;
import org.dreamdiary.client.model.ChatEvent;
import org.dreamdiary.client.model.Message;
import org.dreamdiary.client.model.NewChat;
import org.dreamdiary.client.model.NewUser;
import org.junit.jupiter.api.Test;

/**
 * The Java client's live chat against running service nodes on one PostgreSQL: typed events, and every message once,
 * in order, across a node that stops and starts again on the same address while messages keep coming through
 * another node.
 */
class ClientLiveChatE2ETest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SHARED_SECRET = "a-secret-every-node-shares-of-at-least-32-bytes";

    /** Events as the listener received them, to wait for. */
    private static final class Received implements ChatListener {
        private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
        private final BlockingQueue<LiveChat.Ending> endings = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(ChatEvent event) {
            events.add(event);
        }

        @Override
        public void onEnded(LiveChat.Ending ending) {
            endings.add(ending);
        }

        List<String> createdTexts() {
            return events.stream().filter(ChatEvent.MessageCreated.class::isInstance)
                    .map(event -> ((ChatEvent.MessageCreated) event).message().text()).toList();
        }

        void awaitEvent(Predicate<ChatEvent> wanted) {
            poll(() -> events.stream().anyMatch(wanted), "an awaited event came; got " + events);
        }

        void awaitCreated(String text) {
            awaitEvent(event -> event instanceof ChatEvent.MessageCreated created && created.message().text().equals(text));
        }

        LiveChat.Ending awaitEnding() throws InterruptedException {
            LiveChat.Ending ending = endings.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(ending).as("the live chat ended").isNotNull();
            return ending;
        }
    }

    private static DreamDiaryClient registered(RunningService node) {
        DreamDiaryClient client = DreamDiaryClient.builder(node.baseUri()).build();
        client.users().register(NewUser.of(Accounts.uniqueName("live"), Accounts.PASSWORD)).execute();
        return client;
    }

    @Test
    void editsDeletionsAndTheChatsDeletionArriveTypedAndTheLiveChatEnds() throws InterruptedException {
        try (RunningService node = RunningService.start();
             DreamDiaryClient owner = registered(node)) {
            Chat chat = owner.chats().create(NewChat.titled("Typed events")).execute();
            Received received = new Received();
            awaitConnected(owner.chats().live(chat.id(), received));
            Message first = owner.messages().post(chat.id(), "hello").execute();
            received.awaitCreated("hello");

            Message edited = owner.messages().update(first.id(), "hello, edited").execute();
            received.awaitEvent(event -> event instanceof ChatEvent.MessageUpdated updated
                    && updated.message().equals(edited));
            owner.messages().delete(first.id()).execute();
            received.awaitEvent(event -> event.equals(new ChatEvent.MessageDeleted(first.id(), chat.id())));
            owner.chats().delete(chat.id()).execute();

            assertThat(received.awaitEnding()).isEqualTo(LiveChat.Ending.CHAT_DELETED);
            assertThat(received.events).last().isEqualTo(new ChatEvent.ChatDeleted(chat.id()));
        }
    }

    @Test
    void aNodeThatStopsAndStartsAgainLosesNoMessageAndRepeatsNone() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> onThatPort = Map.of("PORT", Integer.toString(port), "JWT_SECRET", SHARED_SECRET);
        RunningService first = RunningService.start(onThatPort);
        boolean firstStopped = false;
        try (RunningService other = first.anotherNodeWith(Map.of("PORT", "0"));
             DreamDiaryClient writer = registered(other)) {
            Chat chat = writer.chats().create(NewChat.titled("Across a restart")).execute();
            DreamDiaryClient reader = DreamDiaryClient.builder(first.baseUri())
                    .tokens(writer.currentTokens().orElseThrow()).build();
            Received received = new Received();
            LiveChat live = reader.chats().live(chat.id(), received);
            awaitConnected(live);
            writer.messages().post(chat.id(), "before the stop").execute();
            received.awaitCreated("before the stop");

            first.close();
            firstStopped = true;
            IntStream.rangeClosed(1, 3).forEach(n -> writer.messages().post(chat.id(), "while stopped " + n).execute());
            try (RunningService restarted = other.anotherNodeWith(onThatPort)) {
                writer.messages().post(chat.id(), "after the restart").execute();
                received.awaitCreated("after the restart");
                writer.messages().post(chat.id(), "last").execute();
                received.awaitCreated("last");

                assertThat(received.createdTexts()).containsExactly("before the stop", "while stopped 1",
                        "while stopped 2", "while stopped 3", "after the restart", "last");
                assertThat(live.isConnected()).isTrue();
                reader.close();
                assertThat(live.isConnected()).isFalse();
            }
        } finally {
            if (!firstStopped) {
                first.close();
            }
        }
    }

    /** Waits until the live chat's socket is open: from then on every commit of the chat reaches it. */
    private static void awaitConnected(LiveChat live) {
        poll(live::isConnected, "the live chat connected");
    }

    private static void poll(BooleanSupplier condition, String what) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long until %s", what).isLessThan(giveUp);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
