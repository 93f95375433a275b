package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.dreamdiary.adapter.http.network.CorsOrigins;
import org.dreamdiary.bootstrap.Config.ExternalDatabase;
import org.dreamdiary.bootstrap.Config.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {

    private static final String PASSWORD = "s3cr3t-db-p4ssw0rd";
    private static final String JWT_SECRET = "jwt-secret-that-is-long-enough-0123456789";
    private static final String URL = "jdbc:postgresql://db.example:5432/dreams";

    private static Config config(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Config.fromEnvironment(env);
    }

    // --- defaults ---

    @Test
    void givenAnEmptyEnvironment_whenRead_thenEveryDefaultApplies() {
        Config config = Config.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.dir"), "data"));
        assertThat(config.dataDir().isAbsolute()).isTrue();
        assertThat(config.dataDir()).isEqualTo(config.dataDir().normalize());
        assertThat(config.database()).isEmpty();
        assertThat(config.jwtSecret()).isEmpty();
        assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(config.poolSize()).isEqualTo(2 * Runtime.getRuntime().availableProcessors() + 1);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestBodyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void givenBlankValues_whenRead_thenTheyCountAsUnset() {
        Config config = config(
                "PORT", "  ",
                "DATA_DIR", "",
                "DATABASE_URL", " ",
                "DATABASE_USER", "\t",
                "DATABASE_PASSWORD", "",
                "JWT_SECRET", " ",
                "LOG_FORMAT", " ",
                "DATABASE_POOL_SIZE", "",
                "SHUTDOWN_GRACE_SECONDS", "   ");

        assertThat(config).isEqualTo(Config.fromEnvironment(Map.of()));
    }

    @Test
    void givenABlankJwtSecret_whenRead_thenASecretWillBeGenerated() {
        Config config = config("JWT_SECRET", " ".repeat(40));

        assertThat(config.jwtSecret()).isEmpty();
    }

    // --- values that are accepted ---

    @Test
    void givenValidValues_whenRead_thenEachIsUsed() {
        Config config = config(
                "PORT", "9090",
                "DATA_DIR", "/var/lib/dreams/../dreams",
                "DATABASE_URL", URL,
                "DATABASE_USER", "dreamer",
                "DATABASE_PASSWORD", PASSWORD,
                "JWT_SECRET", JWT_SECRET,
                "LOG_FORMAT", "json",
                "DATABASE_POOL_SIZE", "25",
                "SHUTDOWN_GRACE_SECONDS", "30",
                "ACCESS_TOKEN_TTL_SECONDS", "60");

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/dreams"));
        assertThat(config.database()).contains(new ExternalDatabase(URL, "dreamer", PASSWORD));
        assertThat(config.jwtSecret()).contains(JWT_SECRET);
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(config.poolSize()).isEqualTo(25);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void givenValuesWithSurroundingBlanks_whenRead_thenTheBlanksAreIgnored() {
        Config config = config("PORT", " 9090 ", "LOG_FORMAT", " json\n");

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "Json", "json"})
    void givenLogFormatJsonInAnyCase_whenRead_thenJsonIsUsed(String value) {
        assertThat(config("LOG_FORMAT", value).logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void givenLogFormatTextInCapitals_whenRead_thenTextIsUsed() {
        assertThat(config("LOG_FORMAT", "TEXT").logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65535"})
    void givenAPortAtEitherEndOfTheRange_whenRead_thenItIsAccepted(String port) {
        assertThat(config("PORT", port).port()).isEqualTo(Integer.parseInt(port));
    }

    @Test
    void givenADatabaseUrlWithoutUserOrPassword_whenRead_thenUserPostgresAndAnEmptyPasswordAreUsed() {
        assertThat(config("DATABASE_URL", URL).database()).contains(new ExternalDatabase(URL, "postgres", ""));
    }

    @Test
    void givenAJwtSecretOfExactly32AsciiBytes_whenRead_thenItIsAccepted() {
        String secret = "a".repeat(32);

        assertThat(config("JWT_SECRET", secret).jwtSecret()).contains(secret);
    }

    @Test
    void givenAJwtSecretOf16TwoByteCharacters_whenRead_thenItCountsAs32BytesAndIsAccepted() {
        String secret = "é".repeat(16);
        assertThat(secret.getBytes(StandardCharsets.UTF_8)).hasSize(32);

        assertThat(config("JWT_SECRET", secret).jwtSecret()).contains(secret);
    }

    // --- values that are refused, each naming its variable ---

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000", "-1", "65536", "8080.0"})
    void givenABadPort_whenRead_thenTheErrorNamesPort(String port) {
        assertThatThrownBy(() -> config("PORT", port))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PORT ")
                .hasMessageContaining("\"" + port + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "ten"})
    void givenABadPoolSize_whenRead_thenTheErrorNamesDatabasePoolSize(String size) {
        assertThatThrownBy(() -> config("DATABASE_POOL_SIZE", size))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_POOL_SIZE ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "-1", "301"})
    void givenABadShutdownGrace_whenRead_thenTheErrorNamesShutdownGraceSeconds(String seconds) {
        assertThatThrownBy(() -> config("SHUTDOWN_GRACE_SECONDS", seconds))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SHUTDOWN_GRACE_SECONDS ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "0", "86401"})
    void givenABadAccessTokenLifetime_whenRead_thenTheErrorNamesIt(String seconds) {
        assertThatThrownBy(() -> config("ACCESS_TOKEN_TTL_SECONDS", seconds))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ACCESS_TOKEN_TTL_SECONDS ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "0", "301"})
    void givenABadRequestBodyTimeout_whenRead_thenTheErrorNamesIt(String seconds) {
        assertThatThrownBy(() -> config("REQUEST_BODY_TIMEOUT_SECONDS", seconds))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("REQUEST_BODY_TIMEOUT_SECONDS ");
    }

    @Test
    void givenAnUnknownLogFormat_whenRead_thenTheErrorNamesLogFormat() {
        assertThatThrownBy(() -> config("LOG_FORMAT", "xml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("LOG_FORMAT must be text or json, got \"xml\"");
    }

    @Test
    void givenANonPostgresDatabaseUrl_whenRead_thenTheErrorNamesDatabaseUrl() {
        assertThatThrownBy(() -> config("DATABASE_URL", "mysql://x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL ");
    }

    @Test
    void givenADatabaseUserWithoutUrl_whenRead_thenTheErrorNamesBothVariables() {
        assertThatThrownBy(() -> config("DATABASE_USER", "dreamer"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_USER ")
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void givenADatabasePasswordWithoutUrl_whenRead_thenTheErrorNamesTheVariableButNotThePassword() {
        assertThatThrownBy(() -> config("DATABASE_PASSWORD", PASSWORD))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_PASSWORD ")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void givenAJwtSecretOf31Bytes_whenRead_thenTheErrorNamesJwtSecretButNotTheSecret() {
        String secret = "b".repeat(31);

        assertThatThrownBy(() -> config("JWT_SECRET", secret))
                .isInstanceOf(ConfigException.class)
                .hasMessage("JWT_SECRET must be at least 32 bytes long, it has 31")
                .hasMessageNotContaining(secret);
    }

    @Test
    void givenAJwtSecretOf31BytesIn16Characters_whenRead_thenItIsRefusedByItsByteLength() {
        String secret = "é".repeat(15) + "c"; // 16 characters, 31 UTF-8 bytes

        assertThatThrownBy(() -> config("JWT_SECRET", secret))
                .isInstanceOf(ConfigException.class)
                .hasMessage("JWT_SECRET must be at least 32 bytes long, it has 31");
    }

    // --- secrets stay out of the printed form ---

    @Test
    void givenAnExternalDatabaseAndAJwtSecret_whenTheConfigIsPrinted_thenNeitherSecretAppears() {
        Config config = config(
                "DATABASE_URL", URL,
                "DATABASE_USER", "dreamer",
                "DATABASE_PASSWORD", PASSWORD,
                "JWT_SECRET", JWT_SECRET);

        assertThat(config.toString())
                .doesNotContain(PASSWORD)
                .doesNotContain(JWT_SECRET)
                .contains(URL)
                .contains("dreamer")
                .contains("jwtSecret=set");
    }

    @Test
    void givenAnExternalDatabase_whenItIsPrinted_thenThePasswordDoesNotAppear() {
        ExternalDatabase database = config("DATABASE_URL", URL, "DATABASE_PASSWORD", PASSWORD).database().orElseThrow();

        assertThat(database.toString()).doesNotContain(PASSWORD).contains(URL);
    }

    @Test
    void givenAPasswordInTheUrlParameters_whenPrinted_thenTheParametersAreHidden() {
        ExternalDatabase database = config("DATABASE_URL", URL + "?user=dreamer&password=" + PASSWORD).database().orElseThrow();

        assertThat(database.toString()).doesNotContain(PASSWORD).contains(URL + "?…");
    }

    @Test
    void givenNoDatabaseAndNoSecret_whenTheConfigIsPrinted_thenItSaysEmbeddedAndGenerated() {
        assertThat(Config.fromEnvironment(Map.of()).toString())
                .contains("database=embedded")
                .contains("jwtSecret=generated");
    }

    // --- uploads ---

    @Test
    void givenNoUploadSettings_whenRead_thenTenMebibytesGoToPostgres() {
        assertThat(Config.fromEnvironment(Map.of()).uploads())
                .isEqualTo(new Config.Uploads(10_485_760, Config.BlobStoreKind.POSTGRES));
    }

    @Test
    void givenUploadSettings_whenRead_thenTheyAreTakenAndTheStoreInAnyCase() {
        assertThat(config("UPLOAD_MAX_BYTES", "1", "BLOB_STORE", "Files").uploads())
                .isEqualTo(new Config.Uploads(1, Config.BlobStoreKind.FILES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "ten", "1.5", "99999999999"})
    void givenAnUploadLimitThatIsNoPositiveInteger_whenRead_thenTheErrorNamesIt(String limit) {
        assertThatThrownBy(() -> config("UPLOAD_MAX_BYTES", limit))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("UPLOAD_MAX_BYTES ")
                .hasMessageContaining("\"" + limit + "\"");
    }

    @Test
    void givenAnUnknownBlobStore_whenRead_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> config("BLOB_STORE", "s3"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("BLOB_STORE must be postgres or files, got \"s3\"");
    }

    // --- storage ---

    @Test
    void givenNoStorage_whenRead_thenPostgresIsUsed() {
        assertThat(Config.fromEnvironment(Map.of()).storage()).isEqualTo(Config.StorageKind.POSTGRES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "Memory", " MEMORY "})
    void givenStorageMemoryInAnyCase_whenRead_thenMemoryIsUsed(String value) {
        assertThat(config("STORAGE", value).storage()).isEqualTo(Config.StorageKind.MEMORY);
    }

    @Test
    void givenAnUnknownStorage_whenRead_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> config("STORAGE", "redis"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("STORAGE must be postgres or memory, got \"redis\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_URL", "BLOB_STORE"})
    void givenStorageMemoryWithADatabaseOnlySetting_whenRead_thenTheErrorNamesBoth(String setting) {
        String value = setting.equals("DATABASE_URL") ? "jdbc:postgresql://db/dreams" : "files";
        assertThatThrownBy(() -> config("STORAGE", "memory", setting, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(setting + " is set but STORAGE=memory")
                .hasMessageNotContaining(value);
    }

    // --- limits ---

    @Test
    void givenNoLimitSettings_whenRead_thenTheDefaultsTrustNoProxyAndLimitAsDocumented() {
        assertThat(Config.fromEnvironment(Map.of()).limits()).isEqualTo(new Config.Limits("", 1200, 20, 20));
    }

    @Test
    void givenLimitSettings_whenRead_thenTheyAreTakenAndZeroTurnsTheRequestLimitOff() {
        Config config = config("TRUSTED_PROXIES", " 10.0.0.0/8, 192.0.2.1 ", "RATE_LIMIT_PER_MINUTE", "0",
                "REGISTRATIONS_PER_HOUR", "5", "LIVE_SOCKETS_PER_USER", "3");

        assertThat(config.limits()).isEqualTo(new Config.Limits("10.0.0.0/8, 192.0.2.1", 0, 5, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/40", "10.0.0.1, nonsense"})
    void givenATrustedProxyThatIsNoAddress_whenRead_thenTheErrorNamesTrustedProxies(String proxies) {
        assertThatThrownBy(() -> config("TRUSTED_PROXIES", proxies))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TRUSTED_PROXIES ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RATE_LIMIT_PER_MINUTE=-1", "REGISTRATIONS_PER_HOUR=0", "LIVE_SOCKETS_PER_USER=0",
            "LIVE_SOCKETS_PER_USER=many"})
    void givenABadLimit_whenRead_thenTheErrorNamesIt(String setting) {
        String[] nameAndValue = setting.split("=");
        assertThatThrownBy(() -> config(nameAndValue[0], nameAndValue[1]))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(nameAndValue[0] + " ");
    }

    // --- web origins ---

    @Test
    void givenNoCorsOrigins_whenRead_thenNoOriginIsAllowed() {
        assertThat(Config.fromEnvironment(Map.of()).corsOrigins()).isSameAs(CorsOrigins.none());
    }

    @Test
    void givenCorsOrigins_whenRead_thenThoseOriginsAreAllowedAndNamedInTheSummary() {
        Config config = config("CORS_ORIGINS", "https://app.example.com, http://localhost:5173");

        assertThat(config.corsOrigins().allows("http://localhost:5173")).isTrue();
        assertThat(config.corsOrigins().allows("https://other.example.com")).isFalse();
        assertThat(config.toString()).contains("corsOrigins=https://app.example.com,http://localhost:5173");
    }

    @Test
    void givenACorsOriginThatIsNoOrigin_whenRead_thenTheErrorNamesCorsOriginsAndTheEntry() {
        assertThatThrownBy(() -> config("CORS_ORIGINS", "https://app.example.com, app.example.org"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CORS_ORIGINS must be * or comma-separated origins: \"app.example.org\" is not an origin"
                        + " such as https://app.example.com");
    }
}
