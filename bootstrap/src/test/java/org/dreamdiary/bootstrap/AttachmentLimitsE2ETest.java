package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.dreamdiary.testsupport.LogCapture;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * The upload limit (10 MiB by default) end to end: exactly the limit is stored, one byte more is refused while the
 * body streams, and neither a refusal nor a client that goes away midway leaves anything behind, on disk or in the
 * database.
 */
class AttachmentLimitsE2ETest extends ServiceTest {
    private static final long LIMIT = 10L * 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Path spool() {
        return service.dataDir().resolve("upload-spool");
    }

    private long spooledFiles() {
        try (Stream<Path> files = Files.list(spool())) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long rows(String sql, Object... arguments) {
        try (Connection connection = service.schema().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long attachmentsOf(UUID owner) {
        return rows("SELECT count(*) FROM attachments WHERE owner_id = ?", owner);
    }

    private long chunks() {
        return rows("SELECT count(*) FROM blob_chunks");
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + PATIENCE);
            }
            Thread.onSpinWait();
        }
    }

    private static String sha256Of(InputStream content) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private ApiResponse uploadOfSize(String auth, long size) {
        String boundary = Uploads.newBoundary();
        return api.sendStreamed("POST", "/api/v1/attachments", Uploads.contentType(boundary),
                Uploads.streamedPng(boundary, "big.png", size), "Authorization", auth);
    }

    @Test
    void givenAFileOfExactlyTheLimit_whenUploaded_thenItIsStoredWholeAndReadBackTheSame() throws Exception {
        String auth = bearer(register(api, uniqueName("Exact")));

        ApiResponse created = uploadOfSize(auth, LIMIT);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode attachment = created.json();
        assertThat(attachment.get("size_bytes").asLong()).isEqualTo(LIMIT);
        String expected = sha256Of(Uploads.pngOfSize(LIMIT));
        assertThat(attachment.get("sha256").asText()).isEqualTo(expected);
        ApiResponse content = api.get(attachment.get("content_url").asText(), "Authorization", auth);
        assertThat(content.status()).isEqualTo(200);
        assertThat(sha256Of(new java.io.ByteArrayInputStream(content.body()))).isEqualTo(expected);
        await("the spool emptied", () -> spooledFiles() == 0);
    }

    @Test
    void givenAClientThatStopsReadingMidDownload_whenItCloses_thenTheServiceCarriesOnWithoutAnError() {
        String auth = bearer(register(api, uniqueName("Leaver")));
        JsonNode attachment = uploadOfSize(auth, LIMIT).json();
        try (LogCapture log = LogCapture.of("ROOT")) {
            try (RawHttp raw = RawHttp.connect(service.baseUri(), PATIENCE)) {
                raw.send(RawHttp.head("GET " + attachment.get("content_url").asText() + " HTTP/1.1", "Authorization: " + auth));
                assertThat(raw.readStatus()).isEqualTo(200);
            }
            await("the download's access log line", () -> log.lines().stream()
                    .anyMatch(line -> line.message().startsWith("GET /api/v1/attachments/{id}/content ")));

            assertThat(log.lines()).noneMatch(line -> line.level().equals("ERROR") || line.level().equals("WARN"));
        }
        assertThat(api.get(attachment.get("content_url").asText(), "Authorization", auth, "Range", "bytes=0-9").status())
                .isEqualTo(206);
    }

    @Test
    void givenAFileOneByteOverTheLimit_whenUploaded_thenItIs413AndNothingIsLeft() {
        JsonNode user = register(api, uniqueName("Over"));
        long chunksBefore = chunks();

        ApiResponse refused = uploadOfSize(bearer(user), LIMIT + 1);

        assertThat(refused.status()).as(refused.text()).isEqualTo(413);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(refused.header("Connection")).isEqualTo("close");
        assertThat(attachmentsOf(UUID.fromString(user.get("user").get("id").asText()))).isZero();
        assertThat(chunks()).isEqualTo(chunksBefore);
        await("the spool emptied", () -> spooledFiles() == 0);
    }

    @Test
    void givenAChunkedBodyWhoseFileOutgrowsTheLimit_whenSent_thenItIs413BeforeTheBodyEnds() {
        String auth = bearer(register(api, uniqueName("Chunked")));
        try (RawHttp raw = RawHttp.connect(service.baseUri(), PATIENCE)) {
            raw.send(RawHttp.head("POST /api/v1/attachments HTTP/1.1", "Authorization: " + auth,
                    "Content-Type: " + Uploads.CONTENT_TYPE, "Transfer-Encoding: chunked"));
            raw.send(chunk(Uploads.partHead(Uploads.BOUNDARY, "file", "endless.png")));
            byte[] piece = new byte[64 * 1024];
            System.arraycopy(Uploads.png(1, 1), 0, piece, 0, Uploads.png(1, 1).length);
            for (long sent = 0; sent <= LIMIT; sent += piece.length) {
                raw.send(chunk(piece));
            }
            // the body goes on (no closing boundary, no last chunk): the answer must come without waiting for its end
            assertThat(raw.readStatus()).isEqualTo(413);
        }
        await("the spool emptied", () -> spooledFiles() == 0);
    }

    @Test
    void givenADeclaredLengthFarOverTheLimit_whenSent_thenItIs413WithoutReadingTheBody() {
        String auth = bearer(register(api, uniqueName("Declared")));
        try (RawHttp raw = RawHttp.connect(service.baseUri(), PATIENCE)) {
            raw.send(RawHttp.head("POST /api/v1/attachments HTTP/1.1", "Authorization: " + auth,
                    "Content-Type: " + Uploads.CONTENT_TYPE, "Content-Length: " + (LIMIT * 5)));
            // Jetty hands a request to the application when its body starts; the rest of it never comes
            raw.send(Uploads.partHead(Uploads.BOUNDARY, "file", "huge.png"));

            assertThat(raw.readStatus()).isEqualTo(413);
        }
    }

    @Test
    void givenAClientThatGoesAwayMidUpload_whenItCloses_thenNothingIsLeftOnDiskOrInTheDatabase() {
        JsonNode user = register(api, uniqueName("Quitter"));
        UUID owner = UUID.fromString(user.get("user").get("id").asText());
        long chunksBefore = chunks();
        try (RawHttp raw = RawHttp.connect(service.baseUri(), PATIENCE)) {
            raw.send(RawHttp.head("POST /api/v1/attachments HTTP/1.1", "Authorization: " + bearer(user),
                    "Content-Type: " + Uploads.CONTENT_TYPE, "Content-Length: " + (3 * 1024 * 1024)));
            raw.send(Uploads.partHead(Uploads.BOUNDARY, "file", "half.png"));
            raw.send(Uploads.png(9, 9));
            raw.send(new byte[1024 * 1024]);
            await("the upload spooling to disk", () -> spooledFiles() > 0);
        }

        await("the spool emptied", () -> spooledFiles() == 0);
        assertThat(attachmentsOf(owner)).isZero();
        assertThat(chunks()).isEqualTo(chunksBefore);
    }

    @Test
    void givenLeftoversInTheSpool_whenTheServiceStarts_thenTheyAreDeleted() throws IOException {
        Path dataDir = Files.createTempDirectory("dream-diary-spool-test");
        Path leftover = Files.createDirectories(dataDir.resolve("upload-spool")).resolve("MultiPart123");
        Files.write(leftover, new byte[] {1, 2, 3});

        try (RunningService restarted = RunningService.start(Map.of("DATA_DIR", dataDir.toString()))) {
            assertThat(restarted.baseUri()).isNotNull();
            assertThat(leftover).doesNotExist();
            assertThat(dataDir.resolve("upload-spool")).isEmptyDirectory();
        }
    }

    private static byte[] chunk(byte[] data) {
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }
}
