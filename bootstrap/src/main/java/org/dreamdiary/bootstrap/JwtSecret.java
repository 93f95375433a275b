package org.dreamdiary.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that signs access tokens: {@code JWT_SECRET} when set; otherwise one generated on first start and
 * kept in {@code DATA_DIR}, readable by the owner only, so tokens survive a restart. Several nodes must share
 * one secret, so a cluster sets {@code JWT_SECRET}.
 */
final class JwtSecret {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecret.class);
    static final String FILE_NAME = "jwt-secret";

    private JwtSecret() {
    }

    static String resolve(Config config) {
        return config.jwtSecret().orElseGet(() -> kept(config.dataDir().resolve(FILE_NAME)));
    }

    private static String kept(Path file) {
        try {
            boolean existed = Files.exists(file);
            if (existed && Files.readString(file, StandardCharsets.UTF_8).isBlank()) {
                // Left by a crash of an older version, which created the file before writing it. No token was
                // ever signed with it (an empty secret stopped every start), so nothing is lost by replacing it.
                LOG.warn("{} is empty; generating a new token signing secret", file);
                PrivateFiles.replace(file, PrivateFiles.newSecret());
            }
            String secret = PrivateFiles.secret(file);
            if (!existed) {
                LOG.info("generated a token signing secret in {}; set JWT_SECRET to share one between nodes", file);
            }
            if (secret.getBytes(StandardCharsets.UTF_8).length < Config.MIN_JWT_SECRET_BYTES) {
                throw new ConfigException(file + " holds a token secret shorter than " + Config.MIN_JWT_SECRET_BYTES + " bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("the token signing secret in " + file + " cannot be read or written", e);
        }
    }
}
