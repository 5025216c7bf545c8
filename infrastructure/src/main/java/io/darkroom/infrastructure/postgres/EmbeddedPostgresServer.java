package io.darkroom.infrastructure.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact, with its data
 * under {@code <dataDir>/postgres} so that a stop and a start keep everything. The binaries
 * are extracted under {@code <dataDir>/postgres-runtime}, not the shared temporary directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        try {
            Path data = dataDir.resolve("postgres");
            Path runtime = dataDir.resolve("postgres-runtime");
            Files.createDirectories(data);
            Files.createDirectories(runtime);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "128MB")
                    // the library defaults suit throwaway test databases (fsync off); this one keeps data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
