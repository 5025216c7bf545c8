package io.darkroom.api;

import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set, Darkroom uses that PostgreSQL (here a separately
 * started server standing in for an external one), migrates it, and starts no database of its own.
 */
class ExternalDatabaseTest {
    @Test
    void uses_the_configured_postgresql_and_starts_none() throws Exception {
        Path externalDir = Files.createTempDirectory(Path.of("target"), "external-pg-");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "external-data-");
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(externalDir.toAbsolutePath());
             ConfigurableApplicationContext darkroom = new SpringApplicationBuilder(DarkroomApplication.class).properties(
                     "darkroom.data-dir=" + dataDir, "darkroom.cloudinary-url=", "darkroom.clouds[0].url=cloudinary://xk:external-secret-value@external-cloud",
                     "spring.datasource.url=" + external.jdbcUrl(), "spring.datasource.username=postgres",
                     "spring.datasource.password=unused").run("--server.port=0")) {
            assertThat(darkroom.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(dataDir.resolve("postgres")).doesNotExist();
            JdbcTemplate jdbc = new JdbcTemplate(external.dataSource());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class)).isGreaterThanOrEqualTo(4);
            assertThat(jdbc.queryForObject("SELECT name FROM cloud", String.class)).isEqualTo("external-cloud");
            assertThat(jdbc.queryForObject("SELECT api_secret_cipher FROM cloud", String.class)).startsWith("v1:").doesNotContain("external-secret-value");
        }
    }
}
