package io.darkroom.api.config;

import io.darkroom.infrastructure.postgres.RecoveringDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * An external PostgreSQL ({@code spring.datasource.url} set): the same recovering pool as the
 * embedded database gets, instead of Spring Boot's plain one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:embedded-postgresql}' != 'embedded-postgresql'")
public class ExternalDatabaseConfiguration {
    @Bean(destroyMethod = "close")
    RecoveringDataSource dataSource(Environment environment, ObjectProvider<MeterRegistry> meters) {
        return ConnectionPools.recovering(environment, meters, environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"),
                "darkroom");
    }
}
