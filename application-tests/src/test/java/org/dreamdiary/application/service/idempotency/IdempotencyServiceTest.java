package org.dreamdiary.application.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.adapter.memory.MemoryStorage;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.port.in.idempotency.RunIdempotently.Outcome;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.application.service.SequentialIds;
import org.dreamdiary.application.service.WatchedTransactions;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyServiceTest {
    private static final Instant START = Instant.parse("2026-11-21T10:30:00Z");
    private static final UserId ANN = new UserId(UUID.randomUUID());
    private static final UserId BOB = new UserId(UUID.randomUUID());
    private static final IdempotencyKey KEY = new IdempotencyKey("7f9c2ba4-e88f-11ee-a951-0242ac120002");
    private static final byte[] REQUEST = "POST /api/v1/dreams {\"name\": \"Fly\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_REQUEST = "POST /api/v1/dreams {\"name\": \"Swim\"}".getBytes(StandardCharsets.UTF_8);
    private static final DreamQuery OLDEST_FIRST = new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_ASC);

    @AutoClose
    private final MemoryStorage storage = new MemoryStorage();
    private final WatchedTransactions transactions = new WatchedTransactions(storage.transactions());
    private final IdempotencyRecords records = storage.idempotencyRecords();
    private final Dreams resources = transactions.watch(Dreams.class, storage.dreams());
    private final SequentialIds ids = new SequentialIds();
    /** Keys a request on another node holds; see {@link HeldElsewhere}. */
    private final Set<IdempotencyKey> heldElsewhere = new HashSet<>();
    private Instant now = START;
    private final IdempotencyService service = new IdempotencyService(
            new HeldElsewhere(transactions.watch(IdempotencyRecords.class, records)), transactions, () -> now);

    @BeforeEach
    void annAndBobHaveAccounts() {
        storage.users().add(User.register(ANN, new Username("ann"), "hash", null, null, null, START));
        storage.users().add(User.register(BOB, new Username("bob"), "hash", null, null, null, START));
    }

    /** The work of a request: creates a resource (a dream of Ann's) and answers {@code 201} naming it. */
    private RecordedResponse create(String name) {
        resources.add(Dream.create(new DreamId(ids.next()), ANN, new Name(name), null, List.of(), now));
        return new RecordedResponse(201, Map.of("Location", "/things/" + name), name.getBytes(StandardCharsets.UTF_8));
    }

    /** The names of the resources stored, oldest first. */
    private List<String> created() {
        return storage.dreams().list(ANN, OLDEST_FIRST, new PageRequest(1, PageRequest.MAX_PER_PAGE)).items().stream()
                .map(view -> view.dream().name().value())
                .toList();
    }

    @Test
    void givenANewKey_whenRun_thenTheWorkRunsAndItsResponseIsRecordedInTheSameTransaction() {
        Outcome outcome = service.run(ANN, KEY, REQUEST, () -> create("first"));

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.response().status()).isEqualTo(201);
        assertThat(created()).containsExactly("first");
        assertThat(records.find(ANN, KEY, START).orElseThrow().response()).isEqualTo(outcome.response());
        assertThat(transactions.begun()).isEqualTo(1);
        assertThat(transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenAKeyThatSucceeded_whenTheSameRequestIsRunAgain_thenTheFirstResponseIsReplayedAndNothingRunsTwice() {
        Outcome first = service.run(ANN, KEY, REQUEST, () -> create("first"));
        now = now.plus(Duration.ofHours(23));

        Outcome again = service.run(ANN, KEY, REQUEST, () -> create("second"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(created()).containsExactly("first");
    }

    @Test
    void givenAKeyThatSucceeded_whenAnotherRequestUsesIt_thenItIsRefusedOnIdempotencyKeyAndNothingRuns() {
        service.run(ANN, KEY, REQUEST, () -> create("first"));

        assertThatThrownBy(() -> service.run(ANN, KEY, OTHER_REQUEST, () -> create("second")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("Idempotency-Key"));
        assertThat(created()).containsExactly("first");
    }

    @Test
    void givenTheKeyHeldByARequestStillRunning_whenRun_thenItIsAConflictAndNothingRuns() {
        heldElsewhere.add(KEY);

        assertThatThrownBy(() -> service.run(ANN, KEY, REQUEST, () -> create("first")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still in progress");
        assertThat(created()).isEmpty();
    }

    @Test
    void givenWorkThatFailsAfterCreatingItsResource_whenRun_thenNeitherTheResourceNorTheKeyRemains() {
        assertThatThrownBy(() -> service.run(ANN, KEY, REQUEST, () -> {
            create("half");
            throw new IllegalStateException("the response could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(created()).isEmpty();
        assertThat(records.find(ANN, KEY, START)).isEmpty();
        assertThat(transactions.rolledBack()).isEqualTo(1);
    }

    @Test
    void givenAFailedFirstAttempt_whenRetriedWithTheSameKeyAndAnotherBody_thenItRunsAsANewRequest() {
        assertThatThrownBy(() -> service.run(ANN, KEY, OTHER_REQUEST, () -> {
            throw ValidationException.of("name", "must be 1 to 200 characters");
        })).isInstanceOf(ValidationException.class);

        Outcome retry = service.run(ANN, KEY, REQUEST, () -> create("corrected"));

        assertThat(retry.replayed()).isFalse();
        assertThat(created()).containsExactly("corrected");
    }

    @Test
    void givenWorkAnsweringWithoutSuccess_whenRun_thenTheAnswerIsNotRecorded() {
        service.run(ANN, KEY, REQUEST, () -> new RecordedResponse(409, Map.of(), new byte[0]));

        assertThat(records.find(ANN, KEY, START)).isEmpty();
    }

    @Test
    void givenAKeyUsedMoreThan24HoursAgo_whenRunAgain_thenTheWorkRunsAfreshAndReplacesTheRecord() {
        service.run(ANN, KEY, REQUEST, () -> create("yesterday"));
        now = now.plus(Duration.ofHours(24)).plusMillis(1);

        Outcome outcome = service.run(ANN, KEY, OTHER_REQUEST, () -> create("today"));

        assertThat(outcome.replayed()).isFalse();
        assertThat(created()).containsExactly("yesterday", "today");
        assertThat(records.find(ANN, KEY, now).orElseThrow().isFor(OTHER_REQUEST)).isTrue();
    }

    @Test
    void givenAnotherUsersKeyOfTheSameName_whenRun_thenTheyAreIndependent() {
        service.run(ANN, KEY, REQUEST, () -> create("ann's"));

        Outcome bobs = service.run(BOB, KEY, OTHER_REQUEST, () -> create("bob's"));

        assertThat(bobs.replayed()).isFalse();
        assertThat(created()).containsExactly("ann's", "bob's");
    }

    @Test
    void givenKeysOfDifferentAges_whenPurged_thenOnlyThoseOlderThan24HoursGo() {
        service.run(ANN, KEY, REQUEST, () -> create("old"));
        now = now.plus(Duration.ofHours(20));
        service.run(BOB, KEY, REQUEST, () -> create("recent"));
        now = now.plus(Duration.ofHours(5));

        assertThat(service.purgeExpired(now, 100)).isEqualTo(1);

        assertThat(records.find(ANN, KEY, Instant.MIN)).isEmpty();
        assertThat(records.find(BOB, KEY, Instant.MIN)).isPresent();
    }

    /**
     * The memory store's records, but that the keys in {@link #heldElsewhere} are held by a request still running on
     * another node. The memory store is one node and runs one transaction at a time, so a second request there waits
     * for the first and never finds its key held; a store that nodes share refuses it at once (the kit proves both).
     */
    private final class HeldElsewhere implements IdempotencyRecords {
        private final IdempotencyRecords store;

        HeldElsewhere(IdempotencyRecords store) {
            this.store = store;
        }

        @Override
        public boolean tryLock(UserId owner, IdempotencyKey key) {
            return store.tryLock(owner, key) && !heldElsewhere.contains(key);
        }

        @Override
        public Optional<IdempotencyRecord> find(UserId owner, IdempotencyKey key, Instant notBefore) {
            return store.find(owner, key, notBefore);
        }

        @Override
        public void save(UserId owner, IdempotencyKey key, IdempotencyRecord record) {
            store.save(owner, key, record);
        }

        @Override
        public int deleteMadeBefore(Instant before, int max) {
            return store.deleteMadeBefore(before, max);
        }
    }
}
