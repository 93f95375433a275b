package org.dreamdiary.bootstrap;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dreamdiary.adapter.http.network.ClientAddresses;
import org.dreamdiary.adapter.http.network.CorsOrigins;
import org.dreamdiary.adapter.http.security.JwtTokenIssuer;

/**
 * The service's settings, read from environment variables. A bad value stops start-up with one line that
 * names the variable; secrets are never echoed in it.
 *
 * @param storage   where the data lives: PostgreSQL, or this process's memory ({@code STORAGE=memory}, not durable)
 * @param database  an external PostgreSQL; empty means "start the embedded one under {@code dataDir}"
 * @param jwtSecret the signing secret of access tokens, at least 32 bytes; empty means "generate one"
 * @param accessTokenLifetime how long an access token is valid (15 minutes unless {@code ACCESS_TOKEN_TTL_SECONDS})
 * @param requestBodyTimeout how long a client has to send a whole request body ({@code 408} after it)
 * @param uploads   where the bytes of uploaded files go, and how large an upload may be
 * @param corsOrigins the web origins whose pages may call the API from a browser ({@code CORS_ORIGINS}; none unless set)
 */
public record Config(int port, Path dataDir, StorageKind storage, Optional<ExternalDatabase> database, Optional<String> jwtSecret,
                     Duration accessTokenLifetime, LogFormat logFormat, int poolSize, Duration shutdownGrace, Duration requestBodyTimeout,
                     Limits limits, Uploads uploads, CorsOrigins corsOrigins) {

    public static final int MIN_JWT_SECRET_BYTES = 32;

    public enum LogFormat { TEXT, JSON }

    /** PostgreSQL, durable, for any number of nodes; or memory, for one node, gone when the process ends. */
    public enum StorageKind { POSTGRES, MEMORY }

    /**
     * Connection settings of an external PostgreSQL; {@code toString} hides the password and the URL's
     * parameters, which may carry one too.
     */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            int parameters = jdbcUrl.indexOf('?');
            return "ExternalDatabase[" + (parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters) + "?…") + ", user=" + user + "]";
        }
    }

    /**
     * Limits against abuse, and how the client address is found.
     *
     * @param trustedProxies     comma-separated addresses and CIDR blocks whose {@code X-Forwarded-For} is believed
     * @param requestsPerMinute  the general limit per user (per client address when anonymous); 0 turns it off
     * @param registrationsPerHour registrations per client address
     * @param liveSocketsPerUser open live sockets per user on one node
     */
    public record Limits(String trustedProxies, int requestsPerMinute, int registrationsPerHour, int liveSocketsPerUser) {
    }

    /** Where file content is kept: in the database (every node sees it) or on this node's disk under the data directory. */
    public enum BlobStoreKind { POSTGRES, FILES }

    /**
     * @param maxBytes       the largest file an upload may carry ({@code 413} beyond)
     * @param blobStore      the store of file content
     */
    public record Uploads(int maxBytes, BlobStoreKind blobStore) {
    }

    /** The default upload limit: 10 MiB. */
    public static final int DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

    @Override
    public String toString() {
        return "Config[port=" + port + ", dataDir=" + dataDir + ", storage=" + storage
                + ", database=" + database.map(ExternalDatabase::toString).orElse("embedded")
                + ", jwtSecret=" + (jwtSecret.isPresent() ? "set" : "generated")
                + ", accessTokenLifetime=" + accessTokenLifetime + ", logFormat=" + logFormat
                + ", poolSize=" + poolSize + ", shutdownGrace=" + shutdownGrace
                + ", requestBodyTimeout=" + requestBodyTimeout + ", limits=" + limits + ", uploads=" + uploads + ", corsOrigins=" + corsOrigins + "]";
    }

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                integer(env, "PORT", 8080, 0, 65535),
                path(env, "DATA_DIR", "./data"),
                storage(env),
                database(env),
                jwtSecret(env),
                Duration.ofSeconds(integer(env, "ACCESS_TOKEN_TTL_SECONDS",
                        (int) JwtTokenIssuer.DEFAULT_LIFETIME.toSeconds(), 1, 86_400)),
                logFormat(env),
                integer(env, "DATABASE_POOL_SIZE", defaultPoolSize(), 1, 200),
                Duration.ofSeconds(integer(env, "SHUTDOWN_GRACE_SECONDS", 10, 0, 300)),
                Duration.ofSeconds(integer(env, "REQUEST_BODY_TIMEOUT_SECONDS", 10, 1, 300)),
                new Limits(trustedProxies(env),
                        integer(env, "RATE_LIMIT_PER_MINUTE", 1200, 0, 100_000_000),
                        integer(env, "REGISTRATIONS_PER_HOUR", 20, 1, 100_000_000),
                        integer(env, "LIVE_SOCKETS_PER_USER", 20, 1, 10_000)),
                new Uploads(integer(env, "UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES, 1, Integer.MAX_VALUE),
                        blobStore(env)),
                corsOrigins(env));
    }

    private static StorageKind storage(Map<String, String> env) {
        String storage = value(env, "STORAGE");
        if (storage == null) {
            return StorageKind.POSTGRES;
        }
        StorageKind kind = switch (storage.toLowerCase(Locale.ROOT)) {
            case "postgres" -> StorageKind.POSTGRES;
            case "memory" -> StorageKind.MEMORY;
            default -> throw new ConfigException("STORAGE must be postgres or memory, got \"" + storage + "\"");
        };
        if (kind == StorageKind.MEMORY) {
            // a setting that would be silently ignored is a mistake to point out, not to guess around
            for (String databaseOnly : new String[] {"DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "BLOB_STORE"}) {
                if (value(env, databaseOnly) != null) {
                    throw new ConfigException(databaseOnly + " is set but STORAGE=memory keeps everything in memory; unset one of them");
                }
            }
        }
        return kind;
    }

    private static BlobStoreKind blobStore(Map<String, String> env) {
        String store = value(env, "BLOB_STORE");
        if (store == null) {
            return BlobStoreKind.POSTGRES;
        }
        return switch (store.toLowerCase(Locale.ROOT)) {
            case "postgres" -> BlobStoreKind.POSTGRES;
            case "files" -> BlobStoreKind.FILES;
            default -> throw new ConfigException("BLOB_STORE must be postgres or files, got \"" + store + "\"");
        };
    }

    private static String trustedProxies(Map<String, String> env) {
        String proxies = Optional.ofNullable(value(env, "TRUSTED_PROXIES")).orElse("");
        try {
            ClientAddresses.trusting(proxies);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TRUSTED_PROXIES must be comma-separated IP addresses or CIDR blocks: " + e.getMessage());
        }
        return proxies;
    }

    private static CorsOrigins corsOrigins(Map<String, String> env) {
        String origins = Optional.ofNullable(value(env, "CORS_ORIGINS")).orElse("");
        try {
            return CorsOrigins.parse(origins);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CORS_ORIGINS must be * or comma-separated origins: " + e.getMessage());
        }
    }

    private static Optional<ExternalDatabase> database(Map<String, String> env) {
        String url = value(env, "DATABASE_URL");
        if (url == null) {
            for (String dependent : new String[] {"DATABASE_USER", "DATABASE_PASSWORD"}) {
                if (value(env, dependent) != null) {
                    throw new ConfigException(dependent + " is set but DATABASE_URL is not; set both, or neither for the embedded database");
                }
            }
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("DATABASE_URL must be a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database");
        }
        String password = env.get("DATABASE_PASSWORD");
        return Optional.of(new ExternalDatabase(url, Optional.ofNullable(value(env, "DATABASE_USER")).orElse("postgres"),
                password == null ? "" : password));
    }

    private static Optional<String> jwtSecret(Map<String, String> env) {
        // Not stripped: the secret's bytes are used as they are. But blank, like every variable, counts as unset.
        String secret = env.get("JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_JWT_SECRET_BYTES) {
            throw new ConfigException("JWT_SECRET must be at least " + MIN_JWT_SECRET_BYTES + " bytes long, it has " + bytes);
        }
        return Optional.of(secret);
    }

    private static LogFormat logFormat(Map<String, String> env) {
        String format = value(env, "LOG_FORMAT");
        if (format == null) {
            return LogFormat.TEXT;
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new ConfigException("LOG_FORMAT must be text or json, got \"" + format + "\"");
        };
    }

    /**
     * Twice the cores, plus one: about as many statements as PostgreSQL on a machine like this one runs at once without
     * its processes crowding each other out. On 2 cores, 5 connections served the chat reads as fast as 10, with the
     * slowest percent of them a quarter faster; more connections only queue inside PostgreSQL instead of here.
     */
    private static int defaultPoolSize() {
        return 2 * Runtime.getRuntime().availableProcessors() + 1;
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the same message as an out-of-range number
        }
        throw new ConfigException(name + " must be an integer from " + min + " to " + max + ", got \"" + text + "\"");
    }

    private static Path path(Map<String, String> env, String name, String fallback) {
        String text = Optional.ofNullable(value(env, name)).orElse(fallback);
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(name + " is not a valid path: \"" + text + "\"");
        }
    }

    /** The variable's value with surrounding blanks removed; blank counts as unset. */
    private static String value(Map<String, String> env, String name) {
        String text = env.get(name);
        return text == null || text.isBlank() ? null : text.strip();
    }
}
