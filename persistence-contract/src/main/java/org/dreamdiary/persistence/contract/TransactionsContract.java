package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestChats.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Transactions} port promises: one use case is one unit of work over every
 * port of the store, committed whole or rolled back whole, invisible to others until it commits; a transaction
 * begun inside another joins it; the actions to run after a commit or a rollback run then and only then; a snapshot
 * sees one picture while others commit; and transactions at once lose no update.
 */
public abstract class TransactionsContract extends StorageContract {
    private Transactions transactions;
    private TestChats data;
    private UserId owner;
    private UserId member;
    private Chat chat;

    @BeforeEach
    final void aChatOfTwo() {
        transactions = storage.transactions();
        data = new TestChats(storage);
        owner = data.user();
        member = data.user();
        chat = data.chat(owner, "Unit of work", member);
    }

    @Test
    void givenAThread_whenAskedWhetherATransactionIsInProgress_thenOnlyInsideOneNestedOrNot() {
        assertFalse(transactions.inProgress());
        assertTrue(transactions.inTransaction(transactions::inProgress));
        assertTrue(transactions.inTransaction(() -> transactions.inTransaction(transactions::inProgress)));
        assertTrue(transactions.inSnapshot(transactions::inProgress));
        assertFalse(transactions.inProgress());
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            throw new IllegalStateException("failed");
        }));
        assertFalse(transactions.inProgress(), "not after a rollback either");
    }

    @Test
    void givenWritesThroughSeveralPorts_whenTheUseCaseSucceeds_thenAllAreCommittedAndItsResultReturned() {
        UserId newcomer = new UserId(UUID.randomUUID());

        Message posted = transactions.inTransaction(() -> {
            storage.users().add(TestUsers.aUser().withId(newcomer.value()).build());
            storage.chats().addMember(chat.id(), newcomer, T0);
            return data.post(newcomer, chat.id(), "Hello, all", T0);
        });

        assertTrue(storage.users().byId(newcomer).isPresent());
        assertEquals(Optional.of(new ChatView(chat, 3, 1, T0)), storage.chats().asMember(newcomer, chat.id()));
        assertEquals(List.of(posted), data.all(owner, chat.id()));
    }

    @Test
    void givenWritesThroughSeveralPorts_whenTheUseCaseFailsAfterThem_thenNothingOfThemIsLeft() {
        Message kept = data.post(member, chat.id(), "Kept", T0);
        UserId newcomer = new UserId(UUID.randomUUID());
        Chat renamed = chat.retitle(new ChatTitle("Renamed"), T0.plusSeconds(1));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            storage.users().add(TestUsers.aUser().withId(newcomer.value()).build());
            data.chat(newcomer, "Newcomer's own", owner);
            storage.chats().addMember(chat.id(), newcomer, T0);
            data.post(newcomer, chat.id(), "Hello, all", T0.plusSeconds(2));
            storage.chats().update(renamed);
            storage.messages().update(kept.edit(new MessageText("Changed"), T0.plusSeconds(3)));
            assertTrue(storage.messages().delete(chat.id(), kept.id(), OptionalLong.empty()));
            assertTrue(storage.chats().removeMember(chat.id(), member));
            throw new IllegalStateException("the last step failed");
        }));

        assertEquals("the last step failed", failure.getMessage());
        assertEquals(Optional.empty(), storage.users().byId(newcomer));
        assertEquals(Optional.of(new ChatView(chat, 2, 1, T0)), storage.chats().asMember(member, chat.id()));
        assertEquals(List.of(chat.id()), storage.chats().list(owner, ChatQuery.all(), PageRequest.first()).items().stream().map(view -> view.chat().id()).toList());
        assertEquals(List.of(kept), data.all(member, chat.id()));
        assertEquals(Optional.of(new Slot(kept.id())),
                transactions.inTransaction(() -> storage.chats().reserveMessage(owner, chat.id())), "the highest id given");
    }

    @Test
    void givenAnAccountDeletedWithEverythingItOwns_whenTheTransactionRollsBack_thenAllOfItIsBack() {
        Chat owned = data.chat(member, "Member's own", owner);
        Message inOwned = data.post(owner, owned.id(), "In the member's chat", T0);
        Message written = data.post(member, chat.id(), "In the owner's chat", T0.plusSeconds(1));
        User account = storage.users().byId(member).orElseThrow();

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            assertTrue(storage.users().delete(member, OptionalLong.empty()));
            assertEquals(Optional.empty(), storage.chats().asMember(owner, owned.id()), "gone inside");
            throw new IllegalStateException("the deletion failed late");
        }));

        assertEquals(Optional.of(account), storage.users().byId(member));
        assertEquals(Optional.of(new ChatView(owned, 2, 1, T0)), storage.chats().asMember(owner, owned.id()));
        assertEquals(Optional.of(new ChatView(chat, 2, 1, written.createdAt())), storage.chats().asMember(member, chat.id()));
        assertEquals(List.of(written), storage.messages().byAuthor(member, null, 10), "its author back");
        assertEquals(List.of(inOwned), data.all(owner, owned.id()));
    }

    @Test
    void givenATransactionInsideAnother_whenTheOuterFailsAfterTheInnerReturned_thenTheInnersWritesAreRolledBackToo() {
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            Message inner = transactions.inTransaction(() -> data.post(member, chat.id(), "Inner", T0));
            assertEquals(List.of(inner), data.all(owner, chat.id()), "the outer sees what the inner wrote");
            throw new IllegalStateException("the outer failed");
        }));

        assertEquals(List.of(), data.all(owner, chat.id()));
        assertEquals(Optional.of(new ChatView(chat, 2, 0, null)), storage.chats().asMember(owner, chat.id()));
    }

    @Test
    void givenAnOpenTransaction_whenAnotherThreadReads_thenItSeesNothingOfItUntilItCommits() {
        UserId newcomer = new UserId(UUID.randomUUID());

        transactions.inTransaction(() -> {
            storage.users().add(TestUsers.aUser().withId(newcomer.value()).build());
            Background<Optional<User>> reading = Background.start("reading", () -> storage.users().byId(newcomer));
            if (reading.doneOrWaiting()) {
                assertEquals(Optional.empty(), reading.result(), "read before the commit");
            }
            return null;
        });

        assertTrue(storage.users().byId(newcomer).isPresent());
    }

    @Test
    void givenActionsForAfterTheCommitAndAfterARollback_whenTheTransactionCommits_thenOnlyTheFirstRunsOnceItIsCommitted() {
        List<String> ran = new CopyOnWriteArrayList<>();

        transactions.inTransaction(() -> {
            transactions.afterRollback(() -> ran.add("after rollback"));
            // registered by a transaction inside: it waits for the outer one
            transactions.inTransaction(() -> {
                transactions.afterCommit(() -> ran.add("after commit, sees the chat renamed: " + seenFromAnotherThread()));
                return null;
            });
            storage.chats().update(chat.retitle(new ChatTitle("Committed"), T0.plusSeconds(1)));
            assertEquals(List.of(), ran, "not before the commit");
            return null;
        });

        assertEquals(List.of("after commit, sees the chat renamed: Committed"), ran);
    }

    @Test
    void givenActionsForAfterTheCommitAndAfterARollback_whenTheTransactionRollsBack_thenOnlyTheSecondRunsOnceItIsRolledBack() {
        List<String> ran = new CopyOnWriteArrayList<>();

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            transactions.afterCommit(() -> ran.add("after commit"));
            transactions.inTransaction(() -> {
                transactions.afterRollback(() -> ran.add("after rollback, sees the title: " + seenFromAnotherThread()));
                return null;
            });
            storage.chats().update(chat.retitle(new ChatTitle("Rolled back"), T0.plusSeconds(1)));
            assertEquals(List.of(), ran, "not before the rollback");
            throw new IllegalStateException("failed");
        }));

        assertEquals(List.of("after rollback, sees the title: Unit of work"), ran);
    }

    @Test
    void givenNoTransaction_whenAnActionForAfterTheCommitOrARollbackIsGiven_thenItIsRefused() {
        assertThrows(IllegalStateException.class, () -> transactions.afterCommit(() -> { }));
        assertThrows(IllegalStateException.class, () -> transactions.afterRollback(() -> { }));
    }

    /**
     * Another thread renames the chat and posts while a snapshot reads it twice: both reads see it as it was at the
     * first, and whatever commits meanwhile is seen after.
     */
    @Test
    void givenASnapshot_whenAnotherThreadCommitsBetweenItsReads_thenTheyMakeOnePictureOfTheTimeOfTheFirst() {
        Message first = data.post(member, chat.id(), "First", T0);
        Chat renamed = chat.retitle(new ChatTitle("Renamed meanwhile"), T0.plusSeconds(1));
        List<Background<Message>> writers = new ArrayList<>();

        transactions.inSnapshot(() -> {
            Optional<ChatView> before = storage.chats().asMember(owner, chat.id());
            Background<Message> writing = Background.start("writing", () -> transactions.inTransaction(() -> {
                storage.chats().update(renamed);
                return data.post(owner, chat.id(), "Second", T0.plusSeconds(2));
            }));
            writers.add(writing);
            writing.doneOrWaiting();

            assertEquals(before, storage.chats().asMember(owner, chat.id()));
            assertEquals(List.of(first), data.all(owner, chat.id()));
            return null;
        });

        Message second = writers.get(0).result();
        assertEquals(Optional.of(new ChatView(renamed, 2, 2, second.createdAt())), storage.chats().asMember(owner, chat.id()));
        assertEquals(List.of(second, first), data.all(owner, chat.id()));
    }

    /**
     * Threads rename one chat at once, each reading it and writing the next version in a transaction of its own,
     * again whenever it finds its version stale: every rename counts, none is lost.
     */
    @Test
    void givenTransactionsRenamingOneChatAtOnce_whenEachRetriesWhatWasStale_thenNoUpdateIsLost() {
        int threads = 4;
        int renamesEach = 10;
        AtomicInteger stale = new AtomicInteger();
        List<Runnable> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "thread " + t;
            calls.add(() -> {
                for (int i = 0; i < renamesEach; i++) {
                    ChatTitle title = new ChatTitle(name + " rename " + i);
                    while (!renamed(title)) {
                        stale.incrementAndGet();
                    }
                }
            });
        }

        AllAtOnce.run(calls);

        Chat stored = storage.chats().asMember(owner, chat.id()).orElseThrow().chat();
        assertEquals(1 + threads * renamesEach, stored.version(), stale.get() + " stale attempts retried");
    }

    private boolean renamed(ChatTitle title) {
        try {
            transactions.inTransaction(() -> {
                Chat current = storage.chats().asMember(owner, chat.id()).orElseThrow().chat();
                storage.chats().update(current.retitle(title, T0.plusSeconds(current.version())));
                return null;
            });
            return true;
        } catch (StaleVersionException e) {
            return false;
        }
    }

    /** The chat's title as another thread reads it, from outside the caller's transaction. */
    private String seenFromAnotherThread() {
        return Background.start("reading", () -> storage.chats().asMember(owner, chat.id()).orElseThrow().chat().title().value())
                .result();
    }
}
