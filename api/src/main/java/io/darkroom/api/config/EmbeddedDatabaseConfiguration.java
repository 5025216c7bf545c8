package io.darkroom.api.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

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

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server,
                          @org.springframework.beans.factory.annotation.Value("${darkroom.database.pool-size:48}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        // as many connections as request threads (see application.properties)
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("darkroom-embedded");
        return new HikariDataSource(config);
    }
}
