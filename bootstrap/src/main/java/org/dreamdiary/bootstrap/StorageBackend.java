package org.dreamdiary.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.dreamdiary.adapter.memory.MemoryStorage;
import org.dreamdiary.adapter.persistence.DatabaseGate;
import org.dreamdiary.adapter.persistence.PostgresStorage;
import org.dreamdiary.adapter.persistence.StatementMessages;
import org.dreamdiary.application.port.out.Storage;
import org.jdbi.v3.core.Jdbi;

/**
 * The storage the service runs on, with whatever keeps it: a PostgreSQL database and its schema, or nothing but
 * this process's memory ({@code STORAGE=memory}).
 */
abstract sealed class StorageBackend implements AutoCloseable {
    /** Under the data directory: file content, when it is kept on this node's disk ({@code BLOB_STORE=files}). */
    private static final String BLOBS = "blobs";

    private final Storage storage;

    private StorageBackend(Storage storage) {
        this.storage = storage;
    }

    /** Opens the storage {@code config} names; with PostgreSQL the pool the adapters use is {@code pool} applied to it. */
    static StorageBackend open(Config config, MeterRegistry metrics, UnaryOperator<DataSource> pool) {
        return switch (config.storage()) {
            case POSTGRES -> Postgres.open(config, metrics, pool);
            case MEMORY -> new Memory();
        };
    }

    Storage storage() {
        return storage;
    }

    /** Waits until the store may be used, throwing what prevents it as it was thrown. */
    abstract void awaitReady();

    /** What the start-up log says the data lives in. */
    abstract String describe();

    @Override
    public void close() {
        storage.close();
    }

    /** PostgreSQL, its schema brought up to date while the rest of the service is wired. */
    private static final class Postgres extends StorageBackend {
        /** While the database is down: how often a probe may look for it, and the {@code Retry-After} of the 503s. */
        private static final Duration DATABASE_PROBE = Duration.ofSeconds(1);

        private final Database database;
        private final CompletableFuture<Void> schema;

        private Postgres(Database database, CompletableFuture<Void> schema, Storage storage) {
            super(storage);
            this.database = database;
            this.schema = schema;
        }

        static Postgres open(Config config, MeterRegistry metrics, UnaryOperator<DataSource> pool) {
            Database database = Database.open(config, metrics);
            // Migrating takes a good part of the start on a small machine, and so does wiring: they run side by side,
            // and nothing touches the database before awaitReady.
            CompletableFuture<Void> schema = CompletableFuture.runAsync(() -> Migrations.migrate(database.dataSource()),
                    migrations -> new Thread(migrations, "migrations").start());
            try {
                // A database outage answers 503 at once, not after the pool's timeout, and ends by itself; requests
                // wait for connections in the order they came.
                var gate = new DatabaseGate(pool.apply(database.dataSource()), config.poolSize(),
                        Database.CONNECTION_WAIT, DATABASE_PROBE);
                Jdbi jdbi = StatementMessages.withoutArguments(Jdbi.create(gate).setHandleCallbackDecorator(gate));
                return new Postgres(database, schema,
                        PostgresStorage.open(jdbi, database::connectOutsidePool, blobDirectory(config)));
            } catch (RuntimeException e) {
                closeAfterMigrations(database, schema);
                throw e;
            }
        }

        @Override
        void awaitReady() {
            try {
                schema.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        @Override
        String describe() {
            return "PostgreSQL";
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                closeAfterMigrations(database, schema);
            }
        }

        /** The pool closes only once the migrations, which use it, have ended. */
        private static void closeAfterMigrations(Database database, CompletableFuture<Void> schema) {
            schema.handle((migrated, failure) -> null).join();
            database.close();
        }

        /** Where file content goes on this node's disk, if it does: by default the database keeps it. */
        private static Optional<Path> blobDirectory(Config config) {
            return switch (config.uploads().blobStore()) {
                case POSTGRES -> Optional.empty();
                case FILES -> Optional.of(config.dataDir().resolve(BLOBS));
            };
        }
    }

    /** Memory: ready at once, gone with the process. */
    private static final class Memory extends StorageBackend {
        Memory() {
            super(new MemoryStorage());
        }

        @Override
        void awaitReady() {
        }

        @Override
        String describe() {
            return "memory (not durable: everything is lost when the service stops)";
        }
    }
}
