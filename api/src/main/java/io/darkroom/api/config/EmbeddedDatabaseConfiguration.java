package io.darkroom.api.config;

import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import io.darkroom.infrastructure.postgres.RecoveringDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The default database: a real PostgreSQL started from the embedded binaries with its data
 * under the data directory. Only when {@code spring.datasource.url} is not set; with it,
 * {@link ExternalDatabaseConfiguration} points the pool at the external PostgreSQL and none is started.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded-postgresql", matchIfMissing = true)
public class EmbeddedDatabaseConfiguration {
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DarkroomProperties properties, Environment environment) {
        java.nio.file.Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        String sharedBuffers = EarlyEmbeddedPostgres.sharedBuffers(environment);
        return EarlyEmbeddedPostgres.take(dataDir, sharedBuffers).orElseGet(() -> EmbeddedPostgresServer.start(dataDir, sharedBuffers,
                EarlyEmbeddedPostgres.binaries(dataDir), false));
    }

    /** Pool settings come from {@code spring.datasource.hikari.*}, as for an external database. */
    @Bean(destroyMethod = "close")
    RecoveringDataSource dataSource(EmbeddedPostgresServer server, Environment environment, ObjectProvider<MeterRegistry> meters) {
        return ConnectionPools.recovering(environment, meters, server.jdbcUrl(), "postgres", null, "darkroom-embedded");
    }
}
