package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.PreconditionFailedException;
import org.dreamdiary.client.error.ValidationException;
import org.dreamdiary.client.model.Dream;
import org.dreamdiary.client.model.DreamChanges;
import org.dreamdiary.client.model.DreamQuery;
import org.dreamdiary.client.model.DreamSort;
import org.dreamdiary.client.model.DreamStatus;
import org.dreamdiary.client.model.Field;
import org.dreamdiary.client.model.NewDream;
import org.dreamdiary.client.model.Page;
import org.junit.jupiter.api.Test;

/** The Java client's dreams group against the running service on PostgreSQL. */
class ClientDreamsE2ETest extends ClientTest {
    @Test
    void aDreamIsCreatedReadChangedAndDeletedWithTypedRecords() {
        DreamDiaryClient client = signedIn();

        Dream created = client.dreams().create(NewDream.named(" Fly in a balloon ").withDescription("at dawn")).execute();
        assertThat(created.name()).isEqualTo("Fly in a balloon");
        assertThat(created.status()).isEqualTo(DreamStatus.DREAMING);
        assertThat(created.links()).containsEntry("self", "/api/v1/dreams/" + created.id());
        assertThat(client.dreams().get(created.id()).execute()).isEqualTo(created);

        Dream renamed = client.dreams().update(created.id(), DreamChanges.none().name("Fly higher")).execute();
        assertThat(renamed.name()).isEqualTo("Fly higher");
        assertThat(renamed.description()).as("left unchanged").isEqualTo("at dawn");
        Dream cleared = client.dreams().update(created.id(), DreamChanges.none().description(Field.clear())).execute();
        assertThat(cleared.description()).isNull();

        client.dreams().delete(created.id()).execute();
        assertThatThrownBy(() -> client.dreams().get(created.id()).execute())
                .isInstanceOfSatisfying(NotFoundException.class, notFound -> {
                    assertThat(notFound.status()).isEqualTo(404);
                    assertThat(notFound.requestId()).isNotBlank();
                });
    }

    @Test
    void anInvalidDreamIsAValidationExceptionListingTheField() {
        DreamDiaryClient client = signedIn();

        assertThatThrownBy(() -> client.dreams().create(NewDream.named("  ")).execute())
                .isInstanceOfSatisfying(ValidationException.class, invalid -> {
                    assertThat(invalid.status()).isEqualTo(422);
                    assertThat(invalid.title()).isEqualTo("Unprocessable Content");
                    assertThat(invalid.errors()).extracting(error -> error.field()).containsExactly("name");
                });
    }

    @Test
    void theAsynchronousStyleAnswersTheSameTypes() {
        DreamDiaryClient client = signedIn();

        CompletableFuture<Dream> created = client.dreams().create(NewDream.named("Sail")).executeAsync();
        Dream read = created.thenCompose(dream -> client.dreams().get(dream.id()).executeAsync()).join();
        assertThat(read.name()).isEqualTo("Sail");
        assertThat(client.dreams().get(UUID.randomUUID()).executeAsync())
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void allDreamsStreamAcrossPagesFollowingTheNextLink() {
        DreamDiaryClient client = signedIn();
        IntStream.rangeClosed(1, 7).forEach(n -> client.dreams().create(NewDream.named("Dream " + n)).execute());

        Page<Dream> first = client.dreams().list(DreamQuery.all().sort(DreamSort.NAME).page(1, 3)).execute();
        assertThat(first.items()).extracting(Dream::name).containsExactly("Dream 1", "Dream 2", "Dream 3");
        assertThat(first.meta().totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();

        List<String> all = client.dreams().all(DreamQuery.all().sort(DreamSort.NAME).page(1, 3))
                .map(Dream::name).toList();
        assertThat(all).containsExactly("Dream 1", "Dream 2", "Dream 3", "Dream 4", "Dream 5", "Dream 6", "Dream 7");
        assertThat(client.dreams().all(DreamQuery.all().status(DreamStatus.ACHIEVED))).isEmpty();
    }

    @Test
    void aChangeToAStaleCopyIsPreconditionFailedWithTheCurrentDreamAndTheNextChangeSucceeds() {
        DreamDiaryClient mine = signedIn();
        Dream dream = mine.dreams().create(NewDream.named("Climb")).execute();
        mine.dreams().get(dream.id()).execute();
        DreamDiaryClient sameUserElsewhere = track(DreamDiaryClient.builder(service.baseUri())
                .tokens(mine.currentTokens().orElseThrow()).build());
        sameUserElsewhere.dreams().get(dream.id()).execute();
        sameUserElsewhere.dreams().update(dream.id(), DreamChanges.none().name("Climb Elbrus")).execute();

        assertThatThrownBy(() -> mine.dreams().update(dream.id(), DreamChanges.none().name("Climb Kazbek")).execute())
                .isInstanceOfSatisfying(PreconditionFailedException.class, stale ->
                        assertThat(stale.current(Dream.class)).map(Dream::name).contains("Climb Elbrus"));
        assertThat(mine.dreams().update(dream.id(), DreamChanges.none().name("Climb Kazbek")).execute().name())
                .as("made against the version fetched with the 412").isEqualTo("Climb Kazbek");
    }
}
