package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as an operator runs it: {@code java --module-path … --module org.dreamdiary.bootstrap/…},
 * a separate process. Usable after {@code package}, when {@code target/modules} exists.
 */
final class PackagedService {
    private static final Path MODULES = Path.of("target", "modules");

    private PackagedService() {
    }

    /** Starts the service with exactly the given configuration variables; its output goes to {@code output}. */
    static Process launch(Path output, Map<String, String> environment) throws IOException {
        return launch(output, environment, List.of());
    }

    /** Starts the service as {@link #launch(Path, Map)} does, with these options for its JVM (a heap limit, say). */
    static Process launch(Path output, Map<String, String> environment, List<String> jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("--module-path", MODULES.toString(),
                "--add-modules", "ALL-MODULE-PATH", "--module", "org.dreamdiary.bootstrap/org.dreamdiary.bootstrap.Main"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.equals("JWT_SECRET")
                || name.equals("PORT") || name.equals("LOG_FORMAT") || name.equals("DATA_DIR"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until {@code /health} answers; returns how long that took. */
    static long waitUntilHealthy(Process service, int port) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service is still running").isTrue();
            try {
                if (status(port, "/health", "ready-check") == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service did not become healthy within 90 s");
    }

    static int status(int port, String path, String requestId) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        connection.setRequestProperty("X-Request-Id", requestId);
        connection.setConnectTimeout(1_000);
        connection.setReadTimeout(10_000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
