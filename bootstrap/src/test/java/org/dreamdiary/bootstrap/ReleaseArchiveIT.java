package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.PackagedService.freePort;
import static org.dreamdiary.bootstrap.PackagedService.waitUntilHealthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as an operator uses it: unpacked into an empty directory and started by its launcher with a
 * JDK and nothing else (no Maven, no source, no configuration but the port), on the embedded PostgreSQL it starts
 * itself; one authenticated round trip, then SIGTERM and a clean exit. Runs after {@code package}.
 */
class ReleaseArchiveIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void unpackedIntoAnEmptyDirectoryTheReleaseStartsWithOnlyAJdkServesAndStopsCleanlyOnSigterm() throws Exception {
        Path archive = theArchive();
        long unpackStarted = System.nanoTime();
        run(root, "tar", "-xzf", archive.toAbsolutePath().toString());
        Path release = root.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
        assertThat(release.resolve("bin/dream-diary")).isExecutable();
        assertThat(release.resolve("lib")).isDirectoryContaining("glob:**/dream-diary-bootstrap.jar");

        int port = freePort();
        Path output = root.resolve("output.log");
        ProcessBuilder builder = new ProcessBuilder(release.resolve("bin/dream-diary").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of(
                "PATH", "/usr/bin:/bin",
                "JAVA_HOME", System.getProperty("java.home"),
                "PORT", Integer.toString(port)));
        Process service = builder.start();
        try {
            long readyMillis = waitUntilHealthy(service, port);
            System.out.printf("release archive: %d bytes; start to ready from a cold unpack: %d ms (unpack %d ms"
                            + " before it), with the embedded PostgreSQL%n", Files.size(archive), readyMillis,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - unpackStarted) - readyMillis);

            assertThat(aRoundTrip(port)).isEqualTo("released");
            assertThat(root.resolve("data")).as("the data directory is the working directory's ./data").isDirectory();
        } finally {
            service.destroy();
        }
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(service.exitValue()).as("the JVM's exit on SIGTERM, after its shutdown ran").isEqualTo(143);
        assertThat(Files.readString(output)).contains("stopped");
    }

    /** Registers, then reads the profile with the access token the registration gave. */
    private static String aRoundTrip(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"released\", \"password\": \"" + Accounts.PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = JSON.readTree(registered.body()).get("access_token").asText();
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/users/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode profile = JSON.readTree(me.body());
        return profile.get("username").asText();
    }

    private static Path theArchive() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> archives = files.filter(file -> file.getFileName().toString().matches("dream-diary-.+\\.tar\\.gz"))
                    .toList();
            assertThat(archives).as("mvn package made one release archive").hasSize(1);
            return archives.get(0);
        }
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("%s succeeded", List.of(command)).isZero();
    }
}
