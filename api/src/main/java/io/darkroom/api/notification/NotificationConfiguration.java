package io.darkroom.api.notification;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.api.resource.wire.ResourceJson;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.notification.DefaultNotificationUrls;
import io.darkroom.application.notification.ResourceNotifications;
import io.darkroom.application.notification.Webhooks;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.infrastructure.fetch.SafeUrlFetcher;
import io.darkroom.infrastructure.notification.JdbcWebhookQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Notifications: the webhook queue, its sender (the address rules of every fetch), the schedule that drains it on every node. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {
    /** A queued webhook is sent at once from this node; the schedule is the backstop. */
    private static final java.util.concurrent.ExecutorService NUDGES = io.darkroom.api.config.Nudges.executor("webhook-nudge");
    /** Sends a claimed batch side by side (HTTP calls that mostly wait on the receiver). */
    private static final java.util.concurrent.ExecutorService SENDERS = java.util.concurrent.Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    JdbcWebhookQueue webhookQueue(JdbcTemplate jdbc, TransactionTemplate transactions, IdGenerator ids) {
        return new JdbcWebhookQueue(jdbc, transactions, ids);
    }

    @Bean
    Webhooks webhooks(JdbcWebhookQueue queue, CloudDirectory clouds, DarkroomProperties properties, Clock clock) {
        SafeUrlFetcher sender = new SafeUrlFetcher(properties.upload().allowPrivateAddresses(), properties.upload().fetchTimeout());
        return new Webhooks(queue, sender, clouds, clock, NUDGES, SENDERS);
    }

    @Bean
    ResourceNotifications resourceNotifications(JdbcWebhookQueue queue, ResourceJson json, Webhooks webhooks, IdGenerator ids,
                                                DefaultNotificationUrls defaults) {
        return new ResourceNotifications(queue, new NotificationJson(json), webhooks, ids, defaults);
    }

    /** {@code DARKROOM_CLOUDS_N_NOTIFICATION_URL}: where a cloud's changes are notified when the call names no URL. */
    @Bean
    DefaultNotificationUrls defaultNotificationUrls(DarkroomProperties properties) {
        java.util.Map<String, String> defaults = new java.util.HashMap<>();
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            if (entry.notificationUrl() != null && !entry.notificationUrl().isBlank()) {
                defaults.put(entry.cloudName(), entry.notificationUrl());
            }
        }
        return new DefaultNotificationUrls(defaults);
    }

    @Bean
    EagerWebhooks eagerWebhooks(JdbcWebhookQueue queue, ResourceJson json, Webhooks webhooks, IdGenerator ids, Clock clock) {
        return new EagerWebhooks(queue, new NotificationJson(json), webhooks, ids, clock);
    }

    @Bean
    WebhookSchedule webhookSchedule(Webhooks webhooks) {
        return new WebhookSchedule(webhooks);
    }

    @Bean
    MeterBinder webhookMeters(JdbcWebhookQueue queue) {
        return registry -> Gauge.builder("darkroom.webhooks.pending", queue::pending)
                .description("webhooks waiting to be sent (first attempts and retries)").register(registry);
    }

    /** Sends due webhooks on every node (claims never overlap): retries, and what a node that died left. */
    static class WebhookSchedule {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebhookSchedule.class);
        private final Webhooks webhooks;

        WebhookSchedule(Webhooks webhooks) {
            this.webhooks = webhooks;
        }

        @Scheduled(fixedDelayString = "${darkroom.webhook-interval:500ms}")
        void drain() {
            try {
                webhooks.drain();
            } catch (RuntimeException e) {
                LOG.warn("Webhooks paused; trying again on the next run: {}", e.getMessage());
            }
        }
    }
}
