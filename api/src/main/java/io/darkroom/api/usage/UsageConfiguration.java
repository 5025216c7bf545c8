package io.darkroom.api.usage;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.usage.UsageMeter;
import io.darkroom.application.usage.UsagePlan;
import io.darkroom.application.usage.UsageProjection;
import io.darkroom.application.usage.UsageReport;
import io.darkroom.infrastructure.usage.JdbcUsageStore;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Usage: the streaming projection and its report, plan limits per cloud, and the meter whose finished
 * minutes are flushed as events every {@code darkroom.usage.flush-interval} (10 s) and at shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class UsageConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(UsageConfiguration.class);

    @Bean
    JdbcUsageStore usageStore(JdbcTemplate jdbc) {
        return new JdbcUsageStore(jdbc);
    }

    @Bean
    UsageProjection usageProjection(JdbcUsageStore store) {
        return new UsageProjection(store);
    }

    @Bean
    UsageReport usageReport(JdbcUsageStore store, DarkroomProperties properties) {
        Map<String, UsagePlan> plans = new HashMap<>();
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            if (entry.plan() != null) {
                plans.put(entry.cloudName(), entry.plan().toUsagePlan(properties.plan()));
            }
        }
        UsagePlan fallback = properties.plan().toUsagePlan(null);
        return new UsageReport(store, cloud -> plans.getOrDefault(cloud, fallback));
    }

    /** Minutes are those of the events' clock, so a test that sets it scripts traffic on any day. */
    @Bean
    UsageMeter usageMeter(EventGateway events) {
        return new UsageMeter(events, () -> GenericEventMessage.clock.instant(), UUID.randomUUID().toString());
    }

    @Bean
    UsageFlush usageFlush(UsageMeter meter) {
        return new UsageFlush(meter);
    }

    /** Flushes finished minutes on a schedule and everything at shutdown. */
    public static class UsageFlush {
        private final UsageMeter meter;

        UsageFlush(UsageMeter meter) {
            this.meter = meter;
        }

        @Scheduled(fixedDelayString = "${darkroom.usage.flush-interval:10s}")
        void flushFinishedMinutes() {
            try {
                meter.flush(false);
            } catch (RuntimeException e) {
                LOG.warn("Usage flush failed; the counts stay in memory for the next one: {}", e.getMessage());
            }
        }

        @PreDestroy
        void flushAll() {
            try {
                meter.flush(true);
            } catch (RuntimeException e) {
                LOG.warn("Usage of the last minute could not be flushed at shutdown: {}", e.getMessage());
            }
        }
    }
}
