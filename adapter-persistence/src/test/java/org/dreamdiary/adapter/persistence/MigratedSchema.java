package org.dreamdiary.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh schema of the test database carrying the real tables: every {@code V*.sql} of the migrations module,
 * run in version order. This module does not depend on Flyway, so the scripts are run as they are; what Flyway
 * adds (its history table, checksums) is tested in bootstrap.
 */
final class MigratedSchema {
    private static final Path MIGRATIONS = Path.of("..", "migrations", "src", "main", "resources", "db", "migration");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private MigratedSchema() {
    }

    /** A new schema with every migration applied. */
    static TestSchema create() {
        TestSchema schema = TestDatabase.freshSchema();
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
            for (Path script : scriptsInVersionOrder()) {
                // A plain Statement: the driver sends the script as it is, with no placeholder parsing.
                statement.execute(Files.readString(script, StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the test schema " + schema.name(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema;
    }

    static Jdbi jdbi(TestSchema schema) {
        return Jdbi.create(schema.jdbcUrl(), schema.user(), schema.password());
    }

    static List<Path> scriptsInVersionOrder() throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(file -> VERSIONED.matcher(file.getFileName().toString()).matches()).forEach(scripts::add);
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("no migrations found in " + MIGRATIONS.toAbsolutePath());
        }
        scripts.sort(Comparator.comparing(MigratedSchema::version, MigratedSchema::compareVersions));
        return scripts;
    }

    private static int[] version(Path script) {
        Matcher match = VERSIONED.matcher(script.getFileName().toString());
        if (!match.matches()) {
            throw new IllegalArgumentException(script.toString());
        }
        return Arrays.stream(match.group(1).split("[._]")).mapToInt(Integer::parseInt).toArray();
    }

    /** Numerically, part by part, as Flyway orders them: V10 comes after V9. */
    private static int compareVersions(int[] left, int[] right) {
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Integer.compare(i < left.length ? left[i] : 0, i < right.length ? right[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }
}
