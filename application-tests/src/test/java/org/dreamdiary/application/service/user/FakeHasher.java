package org.dreamdiary.application.service.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.dreamdiary.application.port.out.user.PasswordHasher;

/** Fast, one-way and deterministic (SHA-256), so it can be checked; counts its calls. */
final class FakeHasher implements PasswordHasher {
    private int hashCalls;
    private int matchesCalls;
    private Runnable onMatch = () -> { };

    @Override
    public String hash(String password) {
        hashCalls++;
        return digest(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        matchesCalls++;
        onMatch.run();
        return digest(password).equals(hash);
    }

    int hashCalls() {
        return hashCalls;
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
