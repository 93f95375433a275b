package org.dreamdiary.application.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.application.port.in.idempotency.RunIdempotently.Outcome;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.application.service.RecordingTransactions.Store;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

class IdempotencyServiceTest {
    private static final Instant START = Instant.parse("2026-11-21T10:30:00Z");
    private static final UserId ANN = new UserId(UUID.randomUUID());
    private static final UserId BOB = new UserId(UUID.randomUUID());
    private static final IdempotencyKey KEY = new IdempotencyKey("7f9c2ba4-e88f-11ee-a951-0242ac120002");
    private static final byte[] REQUEST = "POST /api/v1/dreams {\"name\": \"Fly\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_REQUEST = "POST /api/v1/dreams {\"name\": \"Swim\"}".getBytes(StandardCharsets.UTF_8);

    private final RecordingTransactions transactions = new RecordingTransactions();
    private final InMemoryIdempotencyRecords records = transactions.register(new InMemoryIdempotencyRecords(transactions));
    private final Resources resources = transactions.register(new Resources(transactions));
    private Instant now = START;
    private final IdempotencyService service = new IdempotencyService(records, transactions, () -> now);

    /** The work of a request: creates a resource and answers {@code 201} naming it. */
    private RecordedResponse create(String name) {
        resources.add(name);
        return new RecordedResponse(201, Map.of("Location", "/things/" + name), name.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenANewKey_whenRun_thenTheWorkRunsAndItsResponseIsRecordedInTheSameTransaction() {
        Outcome outcome = service.run(ANN, KEY, REQUEST, () -> create("first"));

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.response().status()).isEqualTo(201);
        assertThat(resources.names).containsExactly("first");
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
        assertThat(resources.names).containsExactly("first");
    }

    @Test
    void givenAKeyThatSucceeded_whenAnotherRequestUsesIt_thenItIsRefusedOnIdempotencyKeyAndNothingRuns() {
        service.run(ANN, KEY, REQUEST, () -> create("first"));

        assertThatThrownBy(() -> service.run(ANN, KEY, OTHER_REQUEST, () -> create("second")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("Idempotency-Key"));
        assertThat(resources.names).containsExactly("first");
    }

    @Test
    void givenTheKeyHeldByARequestStillRunning_whenRun_thenItIsAConflictAndNothingRuns() {
        records.heldElsewhere.add(ANN + "/" + KEY.value());

        assertThatThrownBy(() -> service.run(ANN, KEY, REQUEST, () -> create("first")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still in progress");
        assertThat(resources.names).isEmpty();
    }

    @Test
    void givenWorkThatFailsAfterCreatingItsResource_whenRun_thenNeitherTheResourceNorTheKeyRemains() {
        assertThatThrownBy(() -> service.run(ANN, KEY, REQUEST, () -> {
            create("half");
            throw new IllegalStateException("the response could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(resources.names).isEmpty();
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
        assertThat(resources.names).containsExactly("corrected");
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
        assertThat(resources.names).containsExactly("yesterday", "today");
        assertThat(records.find(ANN, KEY, now).orElseThrow().isFor(OTHER_REQUEST)).isTrue();
    }

    @Test
    void givenAnotherUsersKeyOfTheSameName_whenRun_thenTheyAreIndependent() {
        service.run(ANN, KEY, REQUEST, () -> create("ann's"));

        Outcome bobs = service.run(BOB, KEY, OTHER_REQUEST, () -> create("bob's"));

        assertThat(bobs.replayed()).isFalse();
        assertThat(resources.names).containsExactly("ann's", "bob's");
    }

    @Test
    void givenKeysOfDifferentAges_whenPurged_thenOnlyThoseOlderThan24HoursGo() {
        service.run(ANN, KEY, REQUEST, () -> create("old"));
        now = now.plus(Duration.ofHours(20));
        service.run(BOB, KEY, REQUEST, () -> create("recent"));
        now = now.plus(Duration.ofHours(5));

        assertThat(service.purgeExpired(now, 100)).isEqualTo(1);

        assertThat(records.stored.keySet()).containsExactly(BOB + "/" + KEY.value());
    }

    /** Resources a request creates, undone with the transaction like any store. */
    private static final class Resources implements Store {
        private final RecordingTransactions transactions;
        private List<String> names = new ArrayList<>();

        Resources(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        void add(String name) {
            transactions.writing("resources.add");
            names.add(name);
        }

        @Override
        public Runnable checkpoint() {
            List<String> saved = new ArrayList<>(names);
            return () -> names = saved;
        }
    }

    /** Records by owner and key; a key in {@code heldElsewhere} is locked by a transaction still running. */
    private static final class InMemoryIdempotencyRecords implements IdempotencyRecords, Store {
        private final RecordingTransactions transactions;
        private final Set<String> heldElsewhere = new HashSet<>();
        private Map<String, IdempotencyRecord> stored = new LinkedHashMap<>();

        InMemoryIdempotencyRecords(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        private static String id(UserId owner, IdempotencyKey key) {
            return owner + "/" + key.value();
        }

        @Override
        public boolean tryLock(UserId owner, IdempotencyKey key) {
            // a lock taken outside a transaction would be let go at once
            transactions.writing("idempotency.tryLock");
            return !heldElsewhere.contains(id(owner, key));
        }

        @Override
        public Optional<IdempotencyRecord> find(UserId owner, IdempotencyKey key, Instant notBefore) {
            return Optional.ofNullable(stored.get(id(owner, key))).filter(record -> !record.createdAt().isBefore(notBefore));
        }

        @Override
        public void save(UserId owner, IdempotencyKey key, IdempotencyRecord record) {
            transactions.writing("idempotency.save");
            stored.put(id(owner, key), record);
        }

        @Override
        public int deleteMadeBefore(Instant before, int max) {
            transactions.writing("idempotency.deleteMadeBefore");
            List<String> expired = stored.entrySet().stream()
                    .filter(entry -> entry.getValue().createdAt().isBefore(before))
                    .map(Map.Entry::getKey).limit(max).toList();
            expired.forEach(stored::remove);
            return expired.size();
        }

        @Override
        public Runnable checkpoint() {
            Map<String, IdempotencyRecord> saved = new LinkedHashMap<>(stored);
            return () -> stored = saved;
        }
    }
}
