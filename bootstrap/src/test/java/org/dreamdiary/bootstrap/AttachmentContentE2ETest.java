package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/v1/attachments/{id}/content}: the bytes, their headers, one range at a time, and who may read them.
 * The file spans several chunks of the store, so ranges across a chunk's edge are read too.
 */
class AttachmentContentE2ETest extends ServiceTest {
    /** More than two chunks of the database store (256 KiB each), and a multiple of nothing in particular. */
    private static final long SIZE = 600_001;

    private String auth;
    private String content;
    private String etag;

    @BeforeAll
    void uploadOneFile() {
        auth = bearer(register(api, uniqueName("Reader")));
        ApiResponse created = api.sendStreamed("POST", "/api/v1/attachments", Uploads.contentType(Uploads.BOUNDARY),
                Uploads.streamedPng(Uploads.BOUNDARY, "photo.png", SIZE), "Authorization", auth);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        content = created.json().get("content_url").asText();
        etag = "\"" + created.json().get("sha256").asText() + "\"";
    }

    private ApiResponse read(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = auth;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.get(content, all);
    }

    @Test
    void givenAFile_whenRead_thenAllItsBytesComeWithTheirHeaders() throws IOException {
        ApiResponse response = read();

        assertThat(response.status()).isEqualTo(200);
        try (InputStream expected = Uploads.pngOfSize(SIZE)) {
            assertThat(response.body()).isEqualTo(expected.readAllBytes());
        }
        assertThat(response.header("Content-Type")).isEqualTo("image/png");
        assertThat(response.header("Content-Length")).isEqualTo(Long.toString(SIZE));
        assertThat(response.header("ETag")).isEqualTo(etag);
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Disposition")).isEqualTo("inline; filename=\"photo.png\"");
        assertThat(response.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Range")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bytes=0-99, 0, 99",
            "bytes=262100-262200, 262100, 262200",
            "bytes=262144-524288, 262144, 524288",
            "bytes=-500, 599501, 600000",
            "bytes=599990-, 599990, 600000",
            "bytes=600000-600000, 600000, 600000",
            "bytes=10-99999999, 10, 600000",
            "bytes=-9999999, 0, 600000"})
    void givenOneRange_whenRead_thenExactlyThoseBytesComeAs206(String range, long first, long last) {
        ApiResponse response = read("Range", range);

        assertThat(response.status()).as(response.text()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(response.header("Content-Length")).isEqualTo(Long.toString(last - first + 1));
        assertThat(response.body()).isEqualTo(Uploads.pngBytes(SIZE, first, last));
        assertThat(response.header("ETag")).isEqualTo(etag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=600001-", "bytes=600001-600005", "bytes=-0", "bytes=99999999999999999999-"})
    void givenARangeOutsideTheFile_whenRead_thenItIs416WithTheSize(String range) {
        ApiResponse response = read("Range", range);

        assertThat(response.status()).as(response.text()).isEqualTo(416);
        assertThat(response.header("Content-Range")).isEqualTo("bytes */" + SIZE);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/range-not-satisfiable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-9", "items=0-5", "bytes=9-1", "bytes=abc", "bytes 0-5"})
    void givenSeveralRangesOrOnesThatDoNotParse_whenRead_thenTheWholeFileComesAs200(String range) {
        ApiResponse response = read("Range", range);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).hasSize((int) SIZE);
        assertThat(response.header("Content-Range")).isNull();
    }

    @Test
    void givenIfRangeWithTheEtag_whenRead_thenTheRangeComes_andWithAnotherValueTheWholeFile() {
        assertThat(read("Range", "bytes=0-9", "If-Range", etag).status()).isEqualTo(206);
        ApiResponse stale = read("Range", "bytes=0-9", "If-Range", "\"another\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).hasSize((int) SIZE);
    }

    @Test
    void givenTheEtag_whenReadWithIfNoneMatch_thenItIs304WithoutABody() {
        ApiResponse response = read("If-None-Match", etag);

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("ETag")).isEqualTo(etag);
        assertThat(read("If-None-Match", "\"other\"").status()).isEqualTo(200);
    }

    // --- Content-Disposition ---

    private String dispositionOf(String fileName, byte[] file) {
        ApiResponse created = api.send("POST", "/api/v1/attachments", Uploads.CONTENT_TYPE,
                Uploads.multipart("file", fileName, file), "Authorization", auth);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        ApiResponse response = api.get(created.json().get("content_url").asText(), "Authorization", auth);
        assertThat(response.status()).isEqualTo(200);
        return response.header("Content-Disposition");
    }

    @Test
    void givenANonAsciiName_whenRead_thenAnAsciiFallbackAndTheFullNameInUtf8AreGiven() {
        assertThat(dispositionOf("Сон №1.png", Uploads.png(1, 1))).isEqualTo(
                "inline; filename=\"___ _1.png\"; filename*=UTF-8''%D0%A1%D0%BE%D0%BD%20%E2%84%961.png");
    }

    @Test
    void givenANameWithQuotes_whenRead_thenTheFallbackReplacesThemAndTheFullNameIsEncoded() {
        assertThat(dispositionOf("my \"best\".png", Uploads.png(1, 1))).isEqualTo(
                "inline; filename=\"my _best_.png\"; filename*=UTF-8''my%20%22best%22.png");
    }

    @Test
    void givenAPdf_whenRead_thenItIsAnAttachmentToSave() {
        assertThat(dispositionOf("report.pdf", Uploads.PDF)).isEqualTo("attachment; filename=\"report.pdf\"");
    }

    @Test
    void givenNoFileName_whenRead_thenTheNameIsTheIdWithTheFormatsExtension() {
        ApiResponse created = api.send("POST", "/api/v1/attachments", Uploads.CONTENT_TYPE,
                Uploads.multipart("file", null, Uploads.png(2, 1)), "Authorization", auth);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode attachment = created.json();
        assertThat(attachment.get("filename").isNull()).isTrue();

        ApiResponse response = api.get(attachment.get("content_url").asText(), "Authorization", auth);

        assertThat(response.header("Content-Disposition"))
                .isEqualTo("inline; filename=\"" + attachment.get("id").asText() + ".png\"");
        assertThat(new String(response.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void givenAPathAsFileName_whenUploaded_thenOnlyItsLastSegmentIsKept() {
        ApiResponse created = api.send("POST", "/api/v1/attachments", Uploads.CONTENT_TYPE,
                Uploads.multipart("file", "../../etc/passwd.png", Uploads.png(1, 1)), "Authorization", auth);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("filename").asText()).isEqualTo("passwd.png");
    }

    @Test
    void givenAnotherUsersFile_whenReadByAStranger_thenItIs404() {
        String stranger = bearer(register(api, uniqueName("Stranger")));

        assertThat(api.get(content, "Authorization", stranger).status()).isEqualTo(404);
        assertThat(api.get(content, "Authorization", stranger, "Range", "bytes=0-1").status()).isEqualTo(404);
    }
}
