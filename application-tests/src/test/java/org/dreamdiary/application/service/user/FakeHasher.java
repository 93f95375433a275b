package org.dreamdiary.application.service.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.dreamdiary.application.port.out.user.PasswordHasher;

/**
 * Fast, one-way and deterministic (SHA-256), so it can be checked; records what it hashed. The log is per password
 * because services may hash on other threads on their own (a login's decoy hash), at a moment no test controls.
 */
final class FakeHasher implements PasswordHasher {
    private final Queue<String> hashed = new ConcurrentLinkedQueue<>();
    private int matchesCalls;
    private Runnable onMatch = () -> { };

    @Override
    public String hash(String password) {
        hashed.add(password);
        return digest(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        matchesCalls++;
        onMatch.run();
        return digest(password).equals(hash);
    }

    /** How many times {@code password} was hashed. */
    long hashesOf(String password) {
        return hashed.stream().filter(password::equals).count();
    }

    int matchesCalls() {
        return matchesCalls;
    }

    /** Runs {@code check} at every password check, to see what had happened by then. */
    void onMatch(Runnable check) {
        this.onMatch = check;
    }

    private static String digest(String password) {
        Objects.requireNonNull(password, "password");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
