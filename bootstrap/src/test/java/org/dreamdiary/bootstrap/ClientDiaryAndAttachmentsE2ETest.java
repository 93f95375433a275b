package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.PayloadTooLargeException;
import org.dreamdiary.client.error.PreconditionFailedException;
import org.dreamdiary.client.error.RangeNotSatisfiableException;
import org.dreamdiary.client.error.UnsupportedMediaTypeException;
import org.dreamdiary.client.error.ValidationException;
import org.dreamdiary.client.model.Attachment;
import org.dreamdiary.client.model.AttachmentKind;
import org.dreamdiary.client.model.AttachmentQuery;
import org.dreamdiary.client.model.ByteRange;
import org.dreamdiary.client.model.DiaryEntry;
import org.dreamdiary.client.model.DiaryEntryChanges;
import org.dreamdiary.client.model.DiaryQuery;
import org.dreamdiary.client.model.DiaryStats;
import org.dreamdiary.client.model.DiaryStats.MonthCount;
import org.dreamdiary.client.model.Field;
import org.dreamdiary.client.model.NewDiaryEntry;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.PartialContent;
import org.dreamdiary.testsupport.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client's diary and attachments groups against the running service on PostgreSQL, whose upload limit is
 * lowered to 4 MiB so that a file over it is quick to send.
 */
class ClientDiaryAndAttachmentsE2ETest extends ClientTest {
    private static final long UPLOAD_LIMIT = 4 * 1024 * 1024;

    @TempDir
    Path files;

    @Override
    protected Map<String, String> environment() {
        return Map.of("UPLOAD_MAX_BYTES", Long.toString(UPLOAD_LIMIT));
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    private static String sha256(InputStream in) throws IOException {
        try (DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Consumer<ValidationException> invalidField(String field) {
        return invalid -> {
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.errors()).extracting(error -> error.field()).containsExactly(field);
        };
    }

    // --- diary ---

    @Test
    void anEntryIsWrittenReadChangedAndDeletedWithTypedRecords() throws IOException {
        DreamDiaryClient client = signedIn();
        Attachment photo = client.attachments().upload(file("sunrise.png", SampleFiles.png(4, 3))).execute();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

        DiaryEntry written = client.diary().write(NewDiaryEntry.saying(" Ran 10 km ").on(yesterday)
                .withTitle("Training").withMood(4).withAttachments(List.of(photo.id()))).execute();
        assertThat(written.text()).isEqualTo("Ran 10 km");
        assertThat(written.entryDate()).isEqualTo(yesterday);
        assertThat(written.title()).isEqualTo("Training");
        assertThat(written.mood()).isEqualTo(4);
        assertThat(written.goalIds()).isEmpty();
        assertThat(written.attachments()).containsExactly(photo);
        assertThat(written.links()).containsEntry("self", "/api/v1/diary/" + written.id());
        assertThat(client.diary().get(written.id()).execute()).isEqualTo(written);

        DiaryEntry changed = client.diary().update(written.id(), DiaryEntryChanges.none().text("Ran 12 km")
                .title(Field.clear()).mood(Field.set(5)).attachmentIds(List.of())).execute();
        assertThat(changed.text()).isEqualTo("Ran 12 km");
        assertThat(changed.title()).isNull();
        assertThat(changed.mood()).isEqualTo(5);
        assertThat(changed.attachments()).isEmpty();
        assertThat(changed.entryDate()).as("left unchanged").isEqualTo(yesterday);
        DiaryEntry moodless = client.diary().update(written.id(), DiaryEntryChanges.none().mood(Field.clear())
                .entryDate(yesterday.minusDays(1))).execute();
        assertThat(moodless.mood()).isNull();
        assertThat(moodless.entryDate()).isEqualTo(yesterday.minusDays(1));

        client.diary().delete(written.id()).execute();
        assertThatThrownBy(() -> client.diary().get(written.id()).execute()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anInvalidEntryIsAValidationExceptionListingTheField() {
        DreamDiaryClient client = signedIn();

        assertThatThrownBy(() -> client.diary().write(NewDiaryEntry.saying("  ")).execute())
                .isInstanceOfSatisfying(ValidationException.class, invalidField("text"));
        assertThatThrownBy(() -> client.diary().write(NewDiaryEntry.saying("Tomorrow")
                .on(LocalDate.now(ZoneOffset.UTC).plusDays(2))).execute())
                .isInstanceOfSatisfying(ValidationException.class, invalidField("entry_date"));
        DiaryEntry entry = client.diary().write(NewDiaryEntry.saying("Calm")).execute();
        assertThatThrownBy(() -> client.diary().update(entry.id(), DiaryEntryChanges.none().mood(Field.set(6))).execute())
                .isInstanceOfSatisfying(ValidationException.class, invalidField("mood"));
    }

    @Test
    void anotherUsersEntryIsNotFound() {
        DreamDiaryClient owner = signedIn();
        DreamDiaryClient stranger = signedIn();
        DiaryEntry entry = owner.diary().write(NewDiaryEntry.saying("Mine alone")).execute();

        assertThatThrownBy(() -> stranger.diary().get(entry.id()).execute()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.diary().update(entry.id(), DiaryEntryChanges.none().text("Ours")).execute())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.diary().delete(entry.id()).execute()).isInstanceOf(NotFoundException.class);
        assertThat(owner.diary().get(entry.id()).execute().text()).isEqualTo("Mine alone");
    }

    @Test
    void theWholeDiaryStreamsAcrossPagesNewestFirstAndFiltersSelect() {
        DreamDiaryClient client = signedIn();
        LocalDate start = LocalDate.of(2024, 3, 1);
        for (int day = 0; day < 5; day++) {
            client.diary().write(NewDiaryEntry.saying(day == 2 ? "Swam across the lake" : "Day " + day)
                    .on(start.plusDays(day)).withMood(day % 2 + 1)).execute();
        }

        Page<DiaryEntry> first = client.diary().list(DiaryQuery.all().page(1, 2)).execute();
        assertThat(first.items()).extracting(DiaryEntry::entryDate).containsExactly(start.plusDays(4), start.plusDays(3));
        assertThat(first.meta().totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();

        assertThat(client.diary().all(DiaryQuery.all().page(1, 2)).map(DiaryEntry::entryDate)).containsExactly(
                start.plusDays(4), start.plusDays(3), start.plusDays(2), start.plusDays(1), start);
        assertThat(client.diary().all(DiaryQuery.all().from(start.plusDays(1)).to(start.plusDays(3)).mood(1).page(1, 1))
                .map(DiaryEntry::entryDate)).containsExactly(start.plusDays(2));
        assertThat(client.diary().all(DiaryQuery.all().search("lake")).map(DiaryEntry::text))
                .containsExactly("Swam across the lake");
    }

    @Test
    void theStatisticsCountStreaksMonthsAndMood() {
        DreamDiaryClient client = signedIn();
        assertThat(client.diary().stats().execute()).isEqualTo(new DiaryStats(0, 0, 0, List.of(), null));
        for (LocalDate day : List.of(LocalDate.of(2024, 1, 30), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1))) {
            client.diary().write(NewDiaryEntry.saying("Streak").on(day).withMood(day.getDayOfMonth() == 1 ? 5 : 2))
                    .execute();
        }
        client.diary().write(NewDiaryEntry.saying("Alone").on(LocalDate.of(2024, 3, 10))).execute();

        DiaryStats stats = client.diary().stats().execute();

        assertThat(stats.totalEntries()).isEqualTo(4);
        assertThat(stats.longestStreakDays()).isEqualTo(3);
        assertThat(stats.currentStreakDays()).isZero();
        assertThat(stats.entriesPerMonth()).containsExactlyInAnyOrder(new MonthCount(YearMonth.of(2024, 1), 2),
                new MonthCount(YearMonth.of(2024, 2), 1), new MonthCount(YearMonth.of(2024, 3), 1));
        assertThat(stats.averageMood()).isEqualTo(3.0);
    }

    @Test
    void aChangeToAStaleEntryIsPreconditionFailedWithTheCurrentEntryAndTheNextChangeSucceeds() {
        DreamDiaryClient mine = signedIn();
        DiaryEntry entry = mine.diary().write(NewDiaryEntry.saying("First draft")).execute();
        mine.diary().get(entry.id()).execute();
        DreamDiaryClient sameUserElsewhere = track(DreamDiaryClient.builder(service.baseUri())
                .tokens(mine.currentTokens().orElseThrow()).build());
        sameUserElsewhere.diary().get(entry.id()).execute();
        sameUserElsewhere.diary().update(entry.id(), DiaryEntryChanges.none().text("Second draft")).execute();

        assertThatThrownBy(() -> mine.diary().update(entry.id(), DiaryEntryChanges.none().text("My draft")).execute())
                .isInstanceOfSatisfying(PreconditionFailedException.class, stale ->
                        assertThat(stale.current(DiaryEntry.class)).map(DiaryEntry::text).contains("Second draft"));
        assertThat(mine.diary().update(entry.id(), DiaryEntryChanges.none().text("My draft")).execute().text())
                .as("made against the version fetched with the 412").isEqualTo("My draft");

        sameUserElsewhere.diary().get(entry.id()).execute();
        sameUserElsewhere.diary().update(entry.id(), DiaryEntryChanges.none().title(Field.set("Drafts"))).execute();
        assertThatThrownBy(() -> mine.diary().delete(entry.id()).execute())
                .isInstanceOf(PreconditionFailedException.class);
        mine.diary().delete(entry.id()).execute();
        assertThatThrownBy(() -> mine.diary().get(entry.id()).execute()).isInstanceOf(NotFoundException.class);
    }

    // --- attachments ---

    @Test
    void aFileUploadedFromAPathIsDescribedReadWholeAndDownloadedToAPath() throws IOException {
        DreamDiaryClient client = signedIn();
        byte[] png = SampleFiles.png(64, 48);

        Attachment uploaded = client.attachments().upload(file("garden.png", png)).execute();

        assertThat(uploaded.kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(uploaded.contentType()).isEqualTo("image/png");
        assertThat(uploaded.width()).isEqualTo(64);
        assertThat(uploaded.height()).isEqualTo(48);
        assertThat(uploaded.sizeBytes()).isEqualTo(png.length);
        assertThat(uploaded.sha256()).isEqualTo(sha256(new ByteArrayInputStream(png)));
        assertThat(uploaded.filename()).isEqualTo("garden.png");
        assertThat(uploaded.url()).isNull();
        assertThat(uploaded.contentUrl()).isEqualTo("/api/v1/attachments/" + uploaded.id() + "/content");
        assertThat(client.attachments().get(uploaded.id()).execute()).isEqualTo(uploaded);

        try (InputStream content = client.attachments().content(uploaded.id()).execute()) {
            assertThat(content.readAllBytes()).isEqualTo(png);
        }
        Path target = files.resolve("downloaded.png");
        Files.write(target, new byte[png.length * 2]);
        assertThat(client.attachments().download(uploaded.id(), target).executeAsync())
                .succeedsWithin(Duration.ofSeconds(10)).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).as("replaced, not overwritten in part").isEqualTo(png);
    }

    @Test
    void aStreamIsUploadedAsItIsReadUnderTheNameGiven() throws IOException {
        DreamDiaryClient client = signedIn();
        long size = 3 * 1024 * 1024 + 17;
        String name = "Сон \"лучший\"; №1.png";

        Attachment uploaded;
        try (InputStream in = SampleFiles.pngStream(size)) {
            uploaded = client.attachments().upload(in, name).execute();
        }

        assertThat(uploaded.kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(uploaded.sizeBytes()).isEqualTo(size);
        assertThat(uploaded.sha256()).isEqualTo(sha256(SampleFiles.pngStream(size)));
        assertThat(uploaded.filename()).isEqualTo(name);
        try (InputStream content = client.attachments().content(uploaded.id()).execute()) {
            assertThat(sha256(content)).isEqualTo(uploaded.sha256());
        }
        Attachment gif = client.attachments().upload(new ByteArrayInputStream(SampleFiles.gif(3, 2)), "dot.gif")
                .execute();
        assertThat(gif.contentType()).isEqualTo("image/gif");
        assertThat(gif.width()).isEqualTo(3);
    }

    @Test
    void aRangeIsReadAsPartialContentAndOnePastTheEndIsNotSatisfiable() throws IOException {
        DreamDiaryClient client = signedIn();
        byte[] pdf = SampleFiles.pdf();
        Attachment uploaded = client.attachments().upload(file("report.pdf", pdf)).execute();
        assertThat(uploaded.kind()).isEqualTo(AttachmentKind.FILE);

        try (PartialContent part = client.attachments().content(uploaded.id(), ByteRange.of(10, 19)).execute()) {
            assertThat(part.first()).isEqualTo(10);
            assertThat(part.last()).isEqualTo(19);
            assertThat(part.size()).isEqualTo(pdf.length);
            assertThat(part.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(pdf, 10, 20));
        }
        try (PartialContent tail = client.attachments().content(uploaded.id(), ByteRange.last(5)).execute()) {
            assertThat(tail.first()).isEqualTo(pdf.length - 5);
            assertThat(tail.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 5, pdf.length));
        }
        try (PartialContent rest = client.attachments().content(uploaded.id(), ByteRange.from(pdf.length - 8)).execute()) {
            assertThat(rest.length()).isEqualTo(8);
            assertThat(rest.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 8, pdf.length));
        }
        assertThatThrownBy(() -> client.attachments().content(uploaded.id(), ByteRange.from(pdf.length)).execute())
                .isInstanceOfSatisfying(RangeNotSatisfiableException.class,
                        refused -> assertThat(refused.status()).isEqualTo(416));
    }

    @Test
    void contentOfNoKnownFormatIsAnUnsupportedMediaTypeAndAnEmptyFileAValidationException() throws IOException {
        DreamDiaryClient client = signedIn();

        assertThatThrownBy(() -> client.attachments().upload(file("film.mp4", SampleFiles.noise(5_000, 7))).execute())
                .isInstanceOfSatisfying(UnsupportedMediaTypeException.class,
                        refused -> assertThat(refused.status()).isEqualTo(415));
        assertThatThrownBy(() -> client.attachments().upload(InputStream.nullInputStream(), "empty.png").execute())
                .isInstanceOfSatisfying(ValidationException.class, invalidField("file"));
        assertThat(client.attachments().all(AttachmentQuery.all())).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsPayloadTooLargeFromAPathAndFromAStream() throws IOException {
        DreamDiaryClient client = signedIn();
        long size = UPLOAD_LIMIT + 100_000;
        Path large = files.resolve("large.png");
        try (InputStream in = SampleFiles.pngStream(size)) {
            Files.copy(in, large);
        }

        assertThatThrownBy(() -> client.attachments().upload(large).execute())
                .isInstanceOf(PayloadTooLargeException.class);
        try (InputStream in = SampleFiles.pngStream(size)) {
            assertThatThrownBy(() -> client.attachments().upload(in, "large.png").execute())
                    .isInstanceOf(PayloadTooLargeException.class);
        }
        assertThat(client.attachments().all(AttachmentQuery.all())).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadFailsTheCallWithoutSendingIt() {
        DreamDiaryClient client = signedIn();

        assertThatThrownBy(() -> client.attachments().upload(files.resolve("missing.png")).execute())
                .isInstanceOf(UncheckedIOException.class);
        assertThat(client.attachments().all(AttachmentQuery.all())).isEmpty();
    }

    @Test
    void aLinkIsKeptWithoutContentAndAUrlOtherThanHttpIsAValidationException() {
        DreamDiaryClient client = signedIn();

        Attachment link = client.attachments().link(URI.create("https://example.com/dreams?id=7")).execute();

        assertThat(link.kind()).isEqualTo(AttachmentKind.LINK);
        assertThat(link.url()).isEqualTo("https://example.com/dreams?id=7");
        assertThat(link.contentUrl()).isNull();
        assertThat(link.sizeBytes()).isNull();
        assertThatThrownBy(() -> client.attachments().content(link.id()).execute()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.attachments().link(URI.create("ftp://example.com/dream.png")).execute())
                .isInstanceOfSatisfying(ValidationException.class, invalidField("url"));
    }

    @Test
    void allAttachmentsStreamAcrossPagesNewestFirstAndTheKindSelects() {
        DreamDiaryClient client = signedIn();
        List<UUID> created = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            created.add(client.attachments().upload(new ByteArrayInputStream(SampleFiles.gif(n, n)), n + ".gif")
                    .execute().id());
            created.add(client.attachments().link(URI.create("https://example.com/" + n)).execute().id());
        }

        Page<Attachment> first = client.attachments().list(AttachmentQuery.all().page(1, 4)).execute();
        assertThat(first.items()).hasSize(4);
        assertThat(first.meta().totalItems()).isEqualTo(6);
        assertThat(first.hasNext()).isTrue();
        Collections.reverse(created);
        assertThat(client.attachments().all(AttachmentQuery.all().page(1, 4)).map(Attachment::id))
                .as("newest first").containsExactlyElementsOf(created);
        assertThat(client.attachments().all(AttachmentQuery.all().kind(AttachmentKind.IMAGE).page(1, 2))
                .map(Attachment::filename)).containsExactly("3.gif", "2.gif", "1.gif");
        assertThat(client.attachments().list(AttachmentQuery.all().kind(AttachmentKind.VIDEO)).execute().items())
                .isEmpty();
    }

    @Test
    void aDeletedAttachmentIsGoneFromWhatHeldItAndAnotherUsersIsNotFound() throws IOException {
        DreamDiaryClient owner = signedIn();
        DreamDiaryClient stranger = signedIn();
        Attachment photo = owner.attachments().upload(file("kept.jpg", SampleFiles.jpeg(8, 8))).execute();
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        DiaryEntry entry = owner.diary().write(NewDiaryEntry.saying("With a photo")
                .withAttachments(List.of(photo.id()))).execute();

        assertThatThrownBy(() -> stranger.attachments().get(photo.id()).execute()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.attachments().content(photo.id()).execute())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.attachments().delete(photo.id()).execute())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.diary().write(NewDiaryEntry.saying("Borrowed")
                .withAttachments(List.of(photo.id()))).execute())
                .isInstanceOfSatisfying(ValidationException.class, invalidField("attachment_ids"));

        owner.attachments().delete(photo.id()).execute();
        assertThatThrownBy(() -> owner.attachments().get(photo.id()).execute())
                .isInstanceOfSatisfying(NotFoundException.class, gone -> assertThat(gone.requestId()).isNotBlank());
        assertThat(owner.diary().get(entry.id()).execute().attachments()).isEmpty();
        assertThatThrownBy(() -> owner.attachments().delete(photo.id()).execute()).isInstanceOf(NotFoundException.class);
    }
}
