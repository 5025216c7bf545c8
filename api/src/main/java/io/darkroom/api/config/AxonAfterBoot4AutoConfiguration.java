package io.darkroom.api.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Empty on purpose. Axon 4.13 orders its JDBC, transaction and metrics auto-configuration after
 * Spring Boot 3's class names, which moved in Boot 4; without this bridge Axon skips its JDBC
 * event store or silently uses {@code NoTransactionManager}. Runs after Boot 4's DataSource,
 * transaction manager and metrics set-up and before Axon's.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MetricsAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
public class AxonAfterBoot4AutoConfiguration {
}
