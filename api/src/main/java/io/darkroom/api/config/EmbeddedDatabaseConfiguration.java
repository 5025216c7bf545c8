package io.darkroom.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The default database: a real PostgreSQL started from the embedded binaries with its data
 * under the data directory. Only when {@code spring.datasource.url} is not set; with it, Spring
 * Boot's own DataSource points at the external PostgreSQL and none is started.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded-postgresql", matchIfMissing = true)
public class EmbeddedDatabaseConfiguration {
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DarkroomProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir().toAbsolutePath());
    }

    /** Pool settings come from {@code spring.datasource.hikari.*}, as for an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("darkroom-embedded");
        return dataSource;
    }
}
