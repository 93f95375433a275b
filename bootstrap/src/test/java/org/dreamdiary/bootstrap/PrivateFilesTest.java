package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path directory;

    @Test
    void givenNoFile_whenEightStartsAskForTheSecretAtOnce_thenAllGetTheOneWrittenAndOnlyTheOwnerMayReadIt() throws Exception {
        Path file = directory.resolve("secret");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService starts = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> secrets = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                secrets.add(starts.submit(() -> {
                    go.await();
                    return PrivateFiles.secret(file);
                }));
            }
            go.countDown();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            for (Future<String> secret : secrets) {
                seen.add(secret.get(30, TimeUnit.SECONDS));
            }

            assertThat(seen).containsExactly(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(seen.iterator().next()).hasSize(64).matches("[A-Za-z0-9_-]+");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files).as("no temporary file is left behind").containsExactly(file);
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void givenAFileWithASecret_whenTheSecretIsAsked_thenItIsTheFilesWithoutTheLineEnd() throws Exception {
        Path file = directory.resolve("secret");
        Files.writeString(file, "kept-from-an-earlier-start\n");

        assertThat(PrivateFiles.secret(file)).isEqualTo("kept-from-an-earlier-start");
    }

    @Test
    void givenAReaderThatNeverStops_whenTheFileIsReplacedAgainAndAgain_thenItNeverSeesItEmptyOrHalfWritten() throws Exception {
        Path file = directory.resolve("pg_hba.conf");
        String first = "a".repeat(256 * 1024);
        String second = "b".repeat(256 * 1024);
        PrivateFiles.replace(file, first);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        Set<Integer> oddLengths = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                try {
                    String seen = Files.readString(file, StandardCharsets.UTF_8);
                    if (!seen.equals(first) && !seen.equals(second)) {
                        oddLengths.add(seen.length());
                    }
                    reads.incrementAndGet();
                } catch (Exception e) {
                    oddLengths.add(-1);
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 100; i++) {
                PrivateFiles.replace(file, i % 2 == 0 ? second : first);
            }
        } finally {
            writing.set(false);
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(reads.get()).as("the reader ran alongside").isPositive();
        assertThat(oddLengths).as("lengths of anything but a whole content (-1: unreadable)").isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
