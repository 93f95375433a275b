package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.adapter.persistence.ChatFixture.T0;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

/**
 * Many members posting to one chat at once, each post in a transaction of its own as the service makes it
 * (reserve the chat, take an id above the highest given, add): no post is lost from the count, ids follow the
 * order of the commits, and a reader paging back through the chat meanwhile sees every message exactly once.
 * The service itself is not visible from this module, so its three steps are made here as it makes them.
 */
class JdbiMessagesConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int POSTS_EACH = 25;
    private static final int EARLIER = 150;
    private static final int READER_PAGE = 7;

    private final ChatFixture data = ChatFixture.onFreshSchema();
    private final TimeOrderedIds ids = new TimeOrderedIds();

    @Test
    void givenEightMembersPostingAtOnce_whenAllHaveCommitted_thenEveryPostIsCountedAndIdsFollowCommitOrder()
            throws Exception {
        UserId owner = data.user();
        List<UserId> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(data.user());
        }
        Chat chat = data.chat(owner, "Crowded", writers.toArray(UserId[]::new));
        List<MessageId> before = data.posts(owner, chat.id(), EARLIER, T0).stream().map(Message::id).toList();
        List<MessageId> commitOrder = new CopyOnWriteArrayList<>();
        List<List<MessageId>> readerPasses = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            List<Future<?>> posting = new ArrayList<>();
            for (UserId writer : writers) {
                posting.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < POSTS_EACH; i++) {
                        post(writer, chat, "post " + i, commitOrder);
                    }
                    return null;
                }));
            }
            Future<?> reading = pool.submit((Callable<Void>) () -> {
                start.await();
                do {
                    int committedAtStart = commitOrder.size();
                    List<MessageId> seen = readBackFromTheLatest(owner, chat);
                    // a pass counts as concurrent when posts were committed while it ran
                    if (commitOrder.size() != committedAtStart) {
                        readerPasses.add(seen);
                    }
                } while (writing.get());
                return null;
            });
            start.countDown();
            for (Future<?> each : posting) {
                each.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            reading.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        long rows = data.count("SELECT count(*) FROM messages WHERE chat_id = ?", chat.id().value());
        assertThat(rows).isEqualTo(EARLIER + WRITERS * POSTS_EACH);
        assertThat(data.chats.asMember(owner, chat.id())).map(ChatView::messageCount).contains(rows);

        List<MessageId> stored = data.storedIds(chat.id());
        List<MessageId> expected = new ArrayList<>(before);
        expected.addAll(commitOrder);
        assertThat(stored).containsExactlyElementsOf(expected);
        assertThat(data.transactions.inTransaction(() -> data.chats.reserveMessage(owner, chat.id())))
                .contains(new Slot(commitOrder.get(commitOrder.size() - 1)));

        assertThat(readerPasses).as("reader passes made while posts were being committed").isNotEmpty();
        for (List<MessageId> seen : readerPasses) {
            assertThat(new HashSet<>(seen)).as("no message seen twice").hasSameSizeAs(seen);
            // exactly the messages up to the newest one the pass started from, newest first: no gap, no repeat
            int newestAtStart = stored.indexOf(seen.get(0));
            List<MessageId> existing = new ArrayList<>(stored.subList(0, newestAtStart + 1));
            Collections.reverse(existing);
            assertThat(seen).containsExactlyElementsOf(existing);
            assertThat(seen).containsAll(before);
        }
    }

    /** One post as the service makes it; records its id while the chat is still locked, so in commit order. */
    private void post(UserId author, Chat chat, String text, List<MessageId> commitOrder) {
        data.transactions.inTransaction(() -> {
            Slot slot = data.chats.reserveMessage(author, chat.id()).orElseThrow();
            UUID id = ChatFixture.following(slot.highestGiven(), ids.next());
            Message message = Message.post(new MessageId(id), chat.id(), author, new MessageText(text), T0);
            data.messages.add(message);
            commitOrder.add(message.id());
            return null;
        });
    }

    /** Every message from the latest back to the first, a page at a time, each page a statement of its own. */
    private List<MessageId> readBackFromTheLatest(UserId caller, Chat chat) {
        List<MessageId> seen = new ArrayList<>();
        MessageSlice page = data.messages.slice(caller, chat.id(), MessageCursor.latest(READER_PAGE));
        while (true) {
            page.items().forEach(message -> seen.add(message.id()));
            if (page.next().isEmpty()) {
                return seen;
            }
            page = data.messages.slice(caller, chat.id(), page.next().orElseThrow());
        }
    }
}
