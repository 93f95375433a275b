package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.PackagedService.freePort;
import static org.dreamdiary.bootstrap.PackagedService.launch;
import static org.dreamdiary.bootstrap.PackagedService.waitUntilHealthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads and downloads run in constant memory: the packaged service, given a 64 MiB heap (and told to die at the
 * first {@code OutOfMemoryError}), stores four 10 MiB files, two at a time, serves all four at once, and stays up.
 * A service that held a whole file in memory per transfer would need more than its heap for those four downloads.
 */
class SmallHeapTransferIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SIZE = 10L * 1024 * 1024;
    private static final int FILES = 4;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void givenA64MibHeap_whenTenMebibyteFilesGoInAndOut_thenEveryByteArrivesAndTheServiceStaysUp() throws Exception {
        TestSchema schema = TestDatabase.freshSchema();
        int port = freePort();
        Path output = dataDir.resolve("output.log");
        Process service = launch(output, Map.of(
                "PORT", Integer.toString(port),
                "DATA_DIR", dataDir.toString(),
                "DATABASE_URL", schema.jdbcUrl(),
                "DATABASE_USER", schema.user(),
                "DATABASE_PASSWORD", schema.password(),
                "DATABASE_POOL_SIZE", "4"), List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"));
        try {
            waitUntilHealthy(service, port);
            URI base = URI.create("http://127.0.0.1:" + port);
            String auth = "Bearer " + register(base).get("access_token").asText();
            String expected = sha256(Uploads.pngOfSize(SIZE));

            long uploadStarted = System.nanoTime();
            List<String> contents = new ArrayList<>();
            for (int pair = 0; pair < FILES / 2; pair++) {
                var first = CompletableFuture.supplyAsync(() -> upload(base, auth));
                var second = CompletableFuture.supplyAsync(() -> upload(base, auth));
                for (JsonNode attachment : List.of(first.get(90, TimeUnit.SECONDS), second.get(90, TimeUnit.SECONDS))) {
                    assertThat(attachment.get("sha256").asText()).isEqualTo(expected);
                    contents.add(attachment.get("content_url").asText());
                }
            }
            double uploadSeconds = (System.nanoTime() - uploadStarted) / 1e9;

            long downloadStarted = System.nanoTime();
            List<CompletableFuture<String>> downloads = contents.stream()
                    .map(content -> http.sendAsync(get(base, content, auth), BodyHandlers.ofInputStream())
                            .thenApplyAsync(SmallHeapTransferIT::digestOf))
                    .toList();
            for (CompletableFuture<String> download : downloads) {
                assertThat(download.get(90, TimeUnit.SECONDS)).isEqualTo(expected);
            }
            double downloadSeconds = (System.nanoTime() - downloadStarted) / 1e9;

            HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(base.resolve(contents.get(0)))
                    .header("Authorization", auth).header("Range", "bytes=-1048576").build(), BodyHandlers.ofByteArray());
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).isEqualTo(Uploads.pngBytes(SIZE, SIZE - 1_048_576, SIZE - 1));

            System.out.printf("64 MiB heap: %d uploads of 10 MiB at %.1f MiB/s, %d downloads at %.1f MiB/s%n", FILES,
                    FILES * 10 / uploadSeconds, FILES, FILES * 10 / downloadSeconds);
            assertThat(service.isAlive()).as("the service is still running").isTrue();
        } finally {
            service.destroy();
            service.waitFor(15, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(output)).doesNotContain("OutOfMemoryError");
    }

    private JsonNode register(URI base) throws Exception {
        String body = "{\"username\": \"" + Accounts.uniqueName("heap") + "\", \"password\": \"" + Accounts.PASSWORD + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/users"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private JsonNode upload(URI base, String auth) {
        String boundary = Uploads.newBoundary();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/attachments"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                    .header("Content-Type", Uploads.contentType(boundary))
                    .POST(Uploads.streamedPng(boundary, "big.png", SIZE)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest get(URI base, String path, String auth) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Authorization", auth).build();
    }

    private static String digestOf(HttpResponse<InputStream> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return sha256(response.body());
    }

    private static String sha256(InputStream content) {
        try (InputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
