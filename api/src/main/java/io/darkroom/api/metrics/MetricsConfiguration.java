package io.darkroom.api.metrics;

import io.darkroom.application.usage.UsageMeter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Darkroom's meters: counters ({@link DarkroomMetrics}) and gauges read at each scrape: projection
 * lag per event processor (events between the head of the store and the processor's position;
 * subscribing processors run inside the writing transaction, so theirs is 0), the database's reachability, the blob
 * deletion queue and the warm-up queue. Each feature binds its own gauges next to its wiring ({@code MeterBinder} beans: derivation, delivery, rebuild).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {
    @Bean
    DarkroomMetrics darkroomMetrics(MeterRegistry registry, UsageMeter usage) {
        return new DarkroomMetrics(registry, usage);
    }

    @Bean
    Gauges darkroomGauges(MeterRegistry registry, JdbcTemplate jdbc, EventProcessingConfiguration processors) {
        return new Gauges(registry, jdbc, processors);
    }

    /** Registered once the application is ready, when every event processor exists. */
    public static class Gauges {
        private final MeterRegistry registry;
        private final JdbcTemplate jdbc;
        private final EventProcessingConfiguration processors;

        Gauges(MeterRegistry registry, JdbcTemplate jdbc, EventProcessingConfiguration processors) {
            this.registry = registry;
            this.jdbc = jdbc;
            this.processors = processors;
        }

        @EventListener(ApplicationReadyEvent.class)
        void register() {
            processors.eventProcessors().forEach((name, processor) -> Gauge.builder("darkroom.projection.lag", () -> lag(processor))
                    .description("events between the head of the event store and the processor's position")
                    .tag("processor", name).register(registry));
            Gauge.builder("darkroom.database.reachable", this::databaseReachable)
                    .description("1 while this node reaches PostgreSQL, else 0").register(registry);
            Gauge.builder("darkroom.blob.deletion.queue", () -> countOrNaN("SELECT count(*) FROM blob_deletion"))
                    .description("stored files waiting for removal").register(registry);
            Gauge.builder("darkroom.optimizer.warm_up.pending",
                            () -> countOrNaN("SELECT count(*) FROM mo_warm_up WHERE state IN ('deriving', 'notifying')"))
                    .description("Media Optimizer warm-ups not yet derived or notified").register(registry);
        }

        private double lag(Object processor) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return 0;
            }
            double head = countOrNaN("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            long position = streaming.processingStatus().values().stream()
                    .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
            return Math.max(0, head - Math.max(position, 0));
        }

        private double databaseReachable() {
            try {
                jdbc.queryForObject("SELECT 1", Integer.class);
                return 1;
            } catch (RuntimeException e) {
                return 0;
            }
        }

        /** NaN when the database does not answer: the gauge then shows no value rather than a wrong one. */
        private double countOrNaN(String sql) {
            try {
                Long value = jdbc.queryForObject(sql, Long.class);
                return value == null ? 0 : value;
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
    }
}
