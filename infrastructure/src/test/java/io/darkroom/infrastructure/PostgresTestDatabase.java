package io.darkroom.infrastructure;

import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real, migrated PostgreSQL for one test JVM: the embedded server in a fresh directory under target/. */
public final class PostgresTestDatabase {
    private static EmbeddedPostgresServer server;

    private PostgresTestDatabase() {
    }

    public static synchronized JdbcTemplate jdbc() {
        if (server == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target")).resolve("pg-" + System.nanoTime());
                server = EmbeddedPostgresServer.start(dir.toAbsolutePath());
                Flyway.configure().dataSource(server.dataSource()).locations("classpath:db/migration").load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new JdbcTemplate(server.dataSource());
    }
}
