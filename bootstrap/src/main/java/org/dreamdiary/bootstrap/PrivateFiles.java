package org.dreamdiary.bootstrap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Files only their owner may read (mode 0600), written so that no reader ever sees one empty or half-written,
 * and so that a written file survives a crash: the content goes to a temporary file in the same directory,
 * is forced to disk, and only then takes the file's name in one step.
 */
final class PrivateFiles {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    /**
     * The secret kept in {@code file}: what it holds, or, when there is no such file, a new random one written
     * there. When several processes start at once, all of them read the one that was written first.
     */
    static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            createUnlessPresent(file, newSecret());
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** 384 random bits as URL-safe Base64: 64 characters, fit for a password or a signing key. */
    static String newSecret() {
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Gives {@code file} the content {@code text}, replacing what it held. */
    static void replace(Path file, String text) throws IOException {
        Path written = writtenAside(file, text);
        try {
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
        forceDirectory(file.getParent());
    }

    /** Creates {@code file} holding {@code text} unless a file of that name exists already. */
    private static void createUnlessPresent(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = writtenAside(file, text);
        try {
            // a hard link appears in one step and, unlike a rename, never replaces a file another process made
            Files.createLink(file, written);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            // the caller reads the file that is there
        } finally {
            Files.delete(written);
        }
        forceDirectory(file.getParent());
    }

    /** A temporary file next to {@code file}, readable by the owner only, holding {@code text}, on disk. */
    private static Path writtenAside(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
            ByteBuffer content = StandardCharsets.UTF_8.encode(text);
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    /** Makes a new or renamed entry of {@code directory} survive a crash. */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
