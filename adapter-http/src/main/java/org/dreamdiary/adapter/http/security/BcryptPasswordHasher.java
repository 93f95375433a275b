package org.dreamdiary.adapter.http.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.nio.charset.StandardCharsets;
import org.dreamdiary.application.port.out.user.PasswordHasher;

/**
 * bcrypt at cost 12. bcrypt reads only 72 bytes of its input, so longer passwords are first condensed with
 * SHA-512: every byte of a 128-character password counts.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    public static final int COST = 12;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;

    public BcryptPasswordHasher() {
        this(COST);
    }

    /** A lower cost only for tests that hash many passwords; production uses {@link #COST}. */
    public BcryptPasswordHasher(int cost) {
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return new String(BCrypt.with(VERSION, LONG_PASSWORDS).hash(cost, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    @Override
    public boolean matches(String password, String hash) {
        return BCrypt.verifyer(VERSION, LONG_PASSWORDS)
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
