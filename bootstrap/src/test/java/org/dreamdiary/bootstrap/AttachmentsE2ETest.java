package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.testsupport.SampleFiles;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** API.md §5 end to end: uploads, links, metadata, content with ranges and caching, ownership, deletion. */
class AttachmentsE2ETest extends ServiceTest {
    private static final String ATTACHMENTS = "/api/v1/attachments";

    private ApiResponse upload(String auth, byte[] multipartBody) {
        return api.send("POST", ATTACHMENTS, Uploads.CONTENT_TYPE, multipartBody, "Authorization", auth);
    }

    private JsonNode uploaded(String auth, String fileName, byte[] content) {
        ApiResponse response = upload(auth, Uploads.multipart("file", fileName, content));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private ApiResponse link(String auth, String json) {
        return api.json("POST", ATTACHMENTS, json, "Authorization", auth);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> fields(ApiResponse problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private String user() {
        return bearer(register(api, uniqueName("Uploader")));
    }

    // --- uploads ---

    @Test
    void givenAPngNamedJpg_whenUploaded_thenItIsAnImageOfTypePngWithItsSizeAndDigest() throws Exception {
        String auth = user();
        byte[] png = Uploads.png(640, 480);

        ApiResponse response = upload(auth, Uploads.multipart("file", "holiday.jpg", png));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode attachment = response.json();
        String id = attachment.get("id").asText();
        assertThat(response.header("Location")).isEqualTo(ATTACHMENTS + "/" + id);
        assertThat(attachment.get("kind").asText()).isEqualTo("image");
        assertThat(attachment.get("content_type").asText()).isEqualTo("image/png");
        assertThat(attachment.get("width").asInt()).isEqualTo(640);
        assertThat(attachment.get("height").asInt()).isEqualTo(480);
        assertThat(attachment.get("size_bytes").asLong()).isEqualTo(png.length);
        assertThat(attachment.get("sha256").asText()).isEqualTo(sha256(png));
        assertThat(attachment.get("filename").asText()).isEqualTo("holiday.jpg");
        assertThat(attachment.get("url").isNull()).isTrue();
        assertThat(attachment.get("content_url").asText()).isEqualTo(ATTACHMENTS + "/" + id + "/content");
        assertThat(attachment.get("_links").get("content").asText()).isEqualTo(ATTACHMENTS + "/" + id + "/content");
    }

    static Stream<Arguments> everyFormat() {
        return Stream.of(
                Arguments.of("photo.bin", SampleFiles.jpeg(120, 90), "image", "image/jpeg", 120, 90),
                Arguments.of("photo.bin", SampleFiles.jpegWithLargeExif(33, 44, 200_000), "image", "image/jpeg", 33, 44),
                Arguments.of("anim.bin", SampleFiles.gif(16, 9), "image", "image/gif", 16, 9),
                Arguments.of("pic.bin", SampleFiles.webp(300, 200), "image", "image/webp", 300, 200),
                Arguments.of("film.bin", SampleFiles.mp4(), "video", "video/mp4", null, null),
                Arguments.of("film.bin", SampleFiles.webm(), "video", "video/webm", null, null),
                Arguments.of("doc.bin", SampleFiles.pdf(), "file", "application/pdf", null, null));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("everyFormat")
    void givenAFileOfEveryAcceptedFormat_whenUploaded_thenItsKindTypeAndSizeComeFromItsBytes(String name, byte[] file,
            String kind, String contentType, Integer width, Integer height) {
        JsonNode attachment = uploaded(user(), name, file);

        assertThat(attachment.get("kind").asText()).isEqualTo(kind);
        assertThat(attachment.get("content_type").asText()).isEqualTo(contentType);
        assertThat(attachment.get("size_bytes").asLong()).isEqualTo(file.length);
        assertThat(attachment.get("width").isNull() ? null : attachment.get("width").asInt()).isEqualTo(width);
        assertThat(attachment.get("height").isNull() ? null : attachment.get("height").asInt()).isEqualTo(height);
    }

    @Test
    void givenNoiseNamedMp4_whenUploaded_thenItIs415() {
        ApiResponse response = upload(user(), Uploads.multipart("file", "film.mp4", SampleFiles.noise(50_000, 7)));

        assertThat(response.status()).as(response.text()).isEqualTo(415);
    }

    @Test
    void givenTextNamedPng_whenUploaded_thenItIs415AndNothingIsKept() {
        String auth = user();

        ApiResponse response = upload(auth, Uploads.multipart("file", "picture.png",
                "just some words, no picture".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).as(response.text()).isEqualTo(415);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/unsupported-media-type");
        assertThat(api.get(ATTACHMENTS, "Authorization", auth).json().get("_meta").get("total_items").asInt()).isZero();
    }

    @Test
    void givenAPdf_whenUploaded_thenItIsAFileWithoutWidthOrHeight() {
        JsonNode pdf = uploaded(user(), "notes.pdf", Uploads.PDF);

        assertThat(pdf.get("kind").asText()).isEqualTo("file");
        assertThat(pdf.get("content_type").asText()).isEqualTo("application/pdf");
        assertThat(pdf.get("width").isNull()).isTrue();
        assertThat(pdf.get("height").isNull()).isTrue();
    }

    @Test
    void givenNoFilePart_whenUploaded_thenItIs422NamingFileAndTheOtherPart() {
        ApiResponse response = upload(user(), Uploads.multipart(new String[] {"picture", "a.png", "x"}));

        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("file", "picture");
    }

    @Test
    void givenTwoFileParts_whenUploaded_thenItIs422OnFile() {
        ApiResponse response = upload(user(), Uploads.multipart(new String[] {"file", "a.pdf", "%PDF-1.4 a"},
                new String[] {"file", "b.pdf", "%PDF-1.4 b"}));

        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("file");
    }

    @Test
    void givenAFileAndAnotherField_whenUploaded_thenItIs422NamingTheField() {
        ApiResponse response = upload(user(), Uploads.multipart(new String[] {"file", "a.pdf", "%PDF-1.4 a"},
                new String[] {"caption", null, "my notes"}));

        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("caption");
    }

    @Test
    void givenAnEmptyFilePart_whenUploaded_thenItIs422OnFile() {
        ApiResponse response = upload(user(), Uploads.multipart("file", "empty.png", new byte[0]));

        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no boundary at all", "--other-boundary\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx",
            "--test-boundary-7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 cut"})
    void givenAMalformedMultipartBody_whenUploaded_thenItIs400(String body) {
        ApiResponse response = upload(user(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/bad-request");
    }

    @Test
    void givenMultipartWithoutBoundary_whenUploaded_thenItIs400() {
        ApiResponse response = api.send("POST", ATTACHMENTS, "multipart/form-data",
                Uploads.multipart("file", "a.pdf", Uploads.PDF), "Authorization", user());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "text/plain", "application/x-www-form-urlencoded"})
    void givenAnotherContentType_whenPosted_thenItIs415(String contentType) {
        ApiResponse response = api.send("POST", ATTACHMENTS, contentType, Uploads.png(1, 1), "Authorization", user());

        assertThat(response.status()).as(response.text()).isEqualTo(415);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/unsupported-media-type");
    }

    @Test
    void givenNoToken_whenUploading_thenItIs401() {
        ApiResponse response = api.send("POST", ATTACHMENTS, Uploads.CONTENT_TYPE, Uploads.multipart("file", "a.pdf", Uploads.PDF));

        assertThat(response.status()).isEqualTo(401);
    }

    // --- links ---

    @Test
    void givenALink_whenCreated_thenItHasItsUrlAndNoContent() {
        String auth = user();

        ApiResponse response = link(auth, "{\"url\": \"  https://example.org/dreams?id=1  \"}");

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode attachment = response.json();
        assertThat(attachment.get("kind").asText()).isEqualTo("link");
        assertThat(attachment.get("url").asText()).isEqualTo("https://example.org/dreams?id=1");
        assertThat(attachment.get("content_url").isNull()).isTrue();
        assertThat(attachment.get("_links").get("content").isNull()).isTrue();
        assertThat(attachment.get("content_type").isNull()).isTrue();
        assertThat(api.get(ATTACHMENTS + "/" + attachment.get("id").asText() + "/content", "Authorization", auth).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"url\": \"ftp://example.org/x\"}", "{\"url\": \"not a url\"}", "{}", "{\"url\": 5}",
            "{\"url\": \"https://example.org\", \"title\": \"x\"}", "{\"url\": \"javascript:alert(1)\"}"})
    void givenABadLink_whenCreated_thenItIs422(String json) {
        ApiResponse response = link(user(), json);

        assertThat(response.status()).as(response.text()).isEqualTo(422);
    }

    @Test
    void givenALinkLongerThan2048Characters_whenCreated_thenItIs422OnUrl() {
        String url = "https://example.org/" + "a".repeat(2049 - 20);

        ApiResponse response = link(user(), "{\"url\": \"" + url + "\"}");

        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("url");
    }

    @Test
    void givenMalformedJson_whenCreatingALink_thenItIs400() {
        assertThat(link(user(), "{\"url\": ").status()).isEqualTo(400);
    }

    // --- metadata and lists ---

    @Test
    void givenAttachmentsOfEveryKind_whenListedByKind_thenEachKindShowsOnlyItsOwnNewestFirst() {
        String auth = user();
        String image = uploaded(auth, "a.png", Uploads.png(2, 2)).get("id").asText();
        String file = uploaded(auth, "a.pdf", Uploads.PDF).get("id").asText();
        String link = link(auth, "{\"url\": \"https://example.org\"}").json().get("id").asText();

        JsonNode all = api.get(ATTACHMENTS, "Authorization", auth).json();
        assertThat(all.get("items").findValuesAsText("id")).containsExactly(link, file, image);
        assertThat(api.get(ATTACHMENTS + "?kind=image", "Authorization", auth).json().get("items").findValuesAsText("id"))
                .containsExactly(image);
        assertThat(api.get(ATTACHMENTS + "?kind=file", "Authorization", auth).json().get("items").findValuesAsText("id"))
                .containsExactly(file);
        assertThat(api.get(ATTACHMENTS + "?kind=link", "Authorization", auth).json().get("items").findValuesAsText("id"))
                .containsExactly(link);
        assertThat(api.get(ATTACHMENTS + "?kind=video", "Authorization", auth).json().get("_meta").get("total_items").asInt())
                .isZero();
        ApiResponse paged = api.get(ATTACHMENTS + "?kind=image&per_page=1", "Authorization", auth);
        assertThat(paged.json().get("_links").get("self").asText()).contains("kind=image");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?kind=photo", "?kind=IMAGE", "?per_page=0"})
    void givenABadQuery_whenListing_thenItIs422(String query) {
        assertThat(api.get(ATTACHMENTS + query, "Authorization", user()).status()).isEqualTo(422);
    }

    @Test
    void givenAnAttachment_whenFetchedWithItsEtag_thenItIs304() {
        String auth = user();
        String id = uploaded(auth, "a.png", Uploads.png(3, 3)).get("id").asText();

        ApiResponse first = api.get(ATTACHMENTS + "/" + id, "Authorization", auth);
        ApiResponse again = api.get(ATTACHMENTS + "/" + id, "Authorization", auth, "If-None-Match", first.header("ETag"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("id").asText()).isEqualTo(id);
        assertThat(again.status()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-000000000000"})
    void givenAnIdThatNamesNothing_whenFetched_thenEveryRouteIs404(String id) {
        String auth = user();

        assertThat(api.get(ATTACHMENTS + "/" + id, "Authorization", auth).status()).isEqualTo(404);
        assertThat(api.get(ATTACHMENTS + "/" + id + "/content", "Authorization", auth).status()).isEqualTo(404);
        assertThat(api.delete(ATTACHMENTS + "/" + id, "Authorization", auth).status()).isEqualTo(404);
    }

    // --- ownership ---

    @Test
    void givenAnotherUsersAttachment_whenTouched_thenMetadataContentAndDeleteAre404AndItSurvives() {
        String owner = user();
        String stranger = user();
        String id = uploaded(owner, "mine.png", Uploads.png(5, 5)).get("id").asText();

        assertThat(api.get(ATTACHMENTS + "/" + id, "Authorization", stranger).status()).isEqualTo(404);
        assertThat(api.get(ATTACHMENTS + "/" + id + "/content", "Authorization", stranger).status()).isEqualTo(404);
        assertThat(api.delete(ATTACHMENTS + "/" + id, "Authorization", stranger).status()).isEqualTo(404);
        assertThat(api.get(ATTACHMENTS, "Authorization", stranger).json().get("_meta").get("total_items").asInt()).isZero();
        assertThat(api.get(ATTACHMENTS + "/" + id + "/content", "Authorization", owner).status()).isEqualTo(200);
    }

    @Test
    void givenNoToken_whenReadingContent_thenItIs401() {
        String id = uploaded(user(), "a.png", Uploads.png(1, 1)).get("id").asText();

        assertThat(api.get(ATTACHMENTS + "/" + id + "/content").status()).isEqualTo(401);
    }

    // --- deletion ---

    @Test
    void givenAnAttachment_whenDeleted_thenItIsGoneAndItsContentToo() {
        String auth = user();
        String id = uploaded(auth, "a.png", Uploads.png(4, 4)).get("id").asText();

        ApiResponse deleted = api.delete(ATTACHMENTS + "/" + id, "Authorization", auth);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get(ATTACHMENTS + "/" + id, "Authorization", auth).status()).isEqualTo(404);
        assertThat(api.get(ATTACHMENTS + "/" + id + "/content", "Authorization", auth).status()).isEqualTo(404);
        assertThat(api.delete(ATTACHMENTS + "/" + id, "Authorization", auth).status()).isEqualTo(404);
    }

    @Test
    void givenAStaleIfMatch_whenDeleting_thenItIs412AndTheCurrentOneDeletes() {
        String auth = user();
        String id = uploaded(auth, "a.png", Uploads.png(4, 4)).get("id").asText();
        String etag = api.get(ATTACHMENTS + "/" + id, "Authorization", auth).header("ETag");

        assertThat(api.delete(ATTACHMENTS + "/" + id, "Authorization", auth, "If-Match", "\"stale\"").status()).isEqualTo(412);
        assertThat(api.delete(ATTACHMENTS + "/" + id, "Authorization", auth, "If-Match", etag).status()).isEqualTo(204);
        assertThat(api.delete(ATTACHMENTS + "/" + id, "Authorization", auth, "If-Match", etag).status()).isEqualTo(412);
    }

    // --- idempotency ---

    @Test
    void givenAnUploadWithAKey_whenRetriedWithAnotherBoundary_thenTheFirstResponseIsReplayedAndOneAttachmentExists() {
        String auth = user();
        String key = UUID.randomUUID().toString();
        byte[] png = Uploads.png(7, 7);

        ApiResponse first = api.send("POST", ATTACHMENTS, Uploads.contentType("first-boundary"),
                framed("first-boundary", "a.png", png), "Authorization", auth, "Idempotency-Key", key);
        ApiResponse retry = api.send("POST", ATTACHMENTS, Uploads.contentType("second-boundary"),
                framed("second-boundary", "a.png", png), "Authorization", auth, "Idempotency-Key", key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(api.get(ATTACHMENTS, "Authorization", auth).json().get("_meta").get("total_items").asInt()).isEqualTo(1);
    }

    @Test
    void givenAnUploadWithAKey_whenTheKeyComesWithOtherBytesOrAnotherName_thenItIs422() {
        String auth = user();
        String key = UUID.randomUUID().toString();

        ApiResponse first = api.send("POST", ATTACHMENTS, Uploads.CONTENT_TYPE,
                Uploads.multipart("file", "a.png", Uploads.png(7, 7)), "Authorization", auth, "Idempotency-Key", key);
        ApiResponse otherBytes = api.send("POST", ATTACHMENTS, Uploads.CONTENT_TYPE,
                Uploads.multipart("file", "a.png", Uploads.png(8, 8)), "Authorization", auth, "Idempotency-Key", key);
        ApiResponse otherName = api.send("POST", ATTACHMENTS, Uploads.CONTENT_TYPE,
                Uploads.multipart("file", "b.png", Uploads.png(7, 7)), "Authorization", auth, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(otherBytes.status()).as(otherBytes.text()).isEqualTo(422);
        assertThat(otherName.status()).as(otherName.text()).isEqualTo(422);
        assertThat(api.get(ATTACHMENTS, "Authorization", auth).json().get("_meta").get("total_items").asInt()).isEqualTo(1);
    }

    @Test
    void givenALinkWithAKey_whenSentAgain_thenItIsReplayed() {
        String auth = user();
        String key = UUID.randomUUID().toString();
        String json = "{\"url\": \"https://example.org/once\"}";

        ApiResponse first = api.json("POST", ATTACHMENTS, json, "Authorization", auth, "Idempotency-Key", key);
        ApiResponse again = api.json("POST", ATTACHMENTS, json, "Authorization", auth, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(api.get(ATTACHMENTS, "Authorization", auth).json().get("_meta").get("total_items").asInt()).isEqualTo(1);
    }

    @Test
    void givenAnUploadWithAKeyToARouteThatTakesJson_whenSent_thenItIs415AsWithoutTheKey() {
        String auth = user();

        ApiResponse response = api.send("POST", "/api/v1/dreams", Uploads.CONTENT_TYPE,
                Uploads.multipart(new String[] {"name", null, "Fly"}), "Authorization", auth,
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(response.status()).as(response.text()).isEqualTo(415);
    }

    private static byte[] framed(String boundary, String fileName, byte[] content) {
        byte[] head = Uploads.partHead(boundary, "file", fileName);
        byte[] tail = Uploads.tail(boundary);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return body;
    }
}
