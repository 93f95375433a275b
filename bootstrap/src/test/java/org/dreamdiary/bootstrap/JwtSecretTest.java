package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without JWT_SECRET the token signing secret is generated once and kept in DATA_DIR/jwt-secret. */
class JwtSecretTest {
    @TempDir
    Path dataDir;

    private Config config() {
        return Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));
    }

    private Path file() {
        return dataDir.resolve(JwtSecret.FILE_NAME);
    }

    @Test
    void givenNoSecretFile_whenResolved_thenOneIsGeneratedOwnerOnlyAndTheNextStartReadsTheSameOne() throws Exception {
        String generated = JwtSecret.resolve(config());

        assertThat(generated).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(JwtSecret.resolve(config())).isEqualTo(generated);
    }

    @Test
    void givenAnEmptyFileLeftByAnOlderVersionsCrash_whenResolved_thenANewSecretTakesItsPlace() throws Exception {
        Files.createFile(file());

        String generated = JwtSecret.resolve(config());

        assertThat(generated).hasSize(64);
        assertThat(Files.readString(file())).isEqualTo(generated);
    }

    @Test
    void givenATooShortSecretInTheFile_whenResolved_thenTheStartStopsNamingTheFileAndTheFileIsKept() throws Exception {
        Files.writeString(file(), "short");

        assertThatThrownBy(() -> JwtSecret.resolve(config()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file() + " holds a token secret shorter than 32 bytes");
        assertThat(Files.readString(file())).isEqualTo("short");
    }

    @Test
    void givenJwtSecretIsSet_whenResolved_thenItIsUsedAndNoFileIsWritten() {
        String secret = "a-shared-secret-of-at-least-32-bytes";

        assertThat(JwtSecret.resolve(Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(), "JWT_SECRET", secret))))
                .isEqualTo(secret);
        assertThat(file()).doesNotExist();
    }
}
