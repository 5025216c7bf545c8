package io.darkroom.api.optimizer;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.optimizer.setup.OptimizerConfiguration;
import io.darkroom.application.optimizer.setup.OptimizerDomains;
import io.darkroom.application.optimizer.setup.OptimizerProjection;
import io.darkroom.application.support.Commands;
import io.darkroom.infrastructure.crypto.AesGcmSecretCipher;
import io.darkroom.infrastructure.crypto.MasterKey;
import io.darkroom.infrastructure.optimizer.mapping.GraalMappingEngine;
import io.darkroom.infrastructure.optimizer.setup.JdbcOptimizerCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Media Optimizer: its read model and projection, the mapping-function sandbox, and the configuration calls. */
@Configuration(proxyBeanMethods = false)
public class MediaOptimizerConfiguration {
    /**
     * A new warm-up is started on this node at once (one drain at a time, later ones folded in), instead of waiting for
     * the schedule, which stays as the backstop for restarts, other nodes' work and retries.
     */
    private static final java.util.concurrent.ExecutorService WARM_UP_NUDGES = io.darkroom.api.config.Nudges.executor("warm-up-nudge");

    @Bean
    JdbcOptimizerCatalog optimizerCatalog(JdbcTemplate jdbc) {
        return new JdbcOptimizerCatalog(jdbc);
    }

    @Bean
    OptimizerProjection optimizerProjection(JdbcOptimizerCatalog catalog) {
        return new OptimizerProjection(catalog);
    }

    /**
     * The mapping engine's slow first evaluation (about a second of CPU) is paid once Darkroom serves, and only where
     * custom mapping functions exist; otherwise the first one saved pays it (see GraalMappingEngine#warmUp).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmMappingEngine(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
        if (ready.getApplicationContext().getBean(JdbcOptimizerCatalog.class).anyCustomFunction()) {
            ready.getApplicationContext().getBean(GraalMappingEngine.class).warmUp();
        }
    }

    @Bean(destroyMethod = "close")
    GraalMappingEngine mappingEngine(DarkroomProperties properties, io.micrometer.core.instrument.MeterRegistry registry) {
        DarkroomProperties.MediaOptimizer settings = properties.mediaOptimizer();
        io.micrometer.core.instrument.Timer executions = io.micrometer.core.instrument.Timer.builder("darkroom.mapping.execution")
                .description("time mapping functions' code ran per call (no waiting)").publishPercentileHistogram().register(registry);
        return new GraalMappingEngine(settings.mappingDeadline(), settings.mappingParallel(), settings.mappingQueueWait(),
                nanos -> executions.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    @Bean
    OptimizerDomains optimizerDomains(DarkroomProperties properties) {
        Map<String, List<String>> configured = new HashMap<>();
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            if (entry.mediaOptimizerDomains() != null) {
                configured.put(entry.cloudName(), entry.mediaOptimizerDomains());
            }
        }
        return new OptimizerDomains(properties.mediaOptimizer().domainSuffix(), configured);
    }

    @Bean
    io.darkroom.infrastructure.optimizer.media.JdbcOptimizedMediaCatalog optimizedMediaCatalog(JdbcTemplate jdbc) {
        return new io.darkroom.infrastructure.optimizer.media.JdbcOptimizedMediaCatalog(jdbc);
    }

    @Bean
    io.darkroom.application.optimizer.media.OptimizedMediaProjection optimizedMediaProjection(
            io.darkroom.infrastructure.optimizer.media.JdbcOptimizedMediaCatalog catalog,
            io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue deletions) {
        return new io.darkroom.application.optimizer.media.OptimizedMediaProjection(catalog, deletions);
    }

    /** Media Optimizer deliveries: origins fetched under the upload's SSRF rules and size limit, derived on the shared slots. */
    @Bean
    io.darkroom.application.optimizer.delivery.OptimizerDelivery optimizerDelivery(JdbcOptimizerCatalog catalog, GraalMappingEngine engine,
            MasterKey masterKey, DarkroomProperties properties, io.darkroom.application.resource.listing.ResourceQueries resources,
            io.darkroom.application.blob.BlobStore blobs, io.darkroom.application.derivation.NamedTransformations named,
            io.darkroom.api.derivation.TimedImageDeriver deriver, io.darkroom.application.derivation.DerivationSlots slots,
            io.darkroom.application.derivation.DerivedFiles files, io.micrometer.core.instrument.MeterRegistry registry,
            io.darkroom.infrastructure.optimizer.media.JdbcOptimizedMediaCatalog media,
            io.darkroom.infrastructure.derivation.JdbcDerivedResourceCatalog locks, Commands commands,
            org.axonframework.common.transaction.TransactionManager transactions) {
        io.darkroom.infrastructure.fetch.SafeUrlFetcher http = new io.darkroom.infrastructure.fetch.SafeUrlFetcher(
                properties.upload().allowPrivateAddresses(), properties.upload().fetchTimeout());
        DarkroomProperties.MediaOptimizer settings = properties.mediaOptimizer();
        io.darkroom.infrastructure.optimizer.delivery.S3ObjectOrigin s3 = new io.darkroom.infrastructure.optimizer.delivery.S3ObjectOrigin(
                settings.s3Endpoint() == null || settings.s3Endpoint().isBlank() ? null : java.net.URI.create(settings.s3Endpoint()),
                settings.s3Region(), properties.upload().fetchTimeout());
        io.darkroom.application.optimizer.delivery.OriginSources origins = new io.darkroom.application.optimizer.delivery.OriginSources(http, s3,
                new AesGcmSecretCipher(masterKey), resources, blobs, properties.upload().maxFileSize().toBytes());
        return new io.darkroom.application.optimizer.delivery.OptimizerDelivery(catalog,
                new io.darkroom.api.optimizer.TimedMappingEngine(engine, registry), origins, named, deriver, slots, files, media, locks,
                commands, transactions);
    }

    @Bean
    io.darkroom.application.optimizer.cache.OptimizerInvalidation optimizerInvalidation(OptimizerDomains domains,
            io.darkroom.application.optimizer.delivery.OptimizerDelivery delivery, Commands commands) {
        return new io.darkroom.application.optimizer.cache.OptimizerInvalidation(domains, delivery, commands);
    }

    @Bean
    io.darkroom.application.optimizer.cache.WarmUps warmUps(JdbcTemplate jdbc, io.darkroom.application.optimizer.cache.OptimizerInvalidation urls,
            io.darkroom.application.optimizer.delivery.OptimizerDelivery delivery,
            io.darkroom.infrastructure.notification.JdbcWebhookQueue webhookQueue, io.darkroom.application.notification.Webhooks webhooks,
            org.axonframework.common.transaction.TransactionManager transactions, DarkroomProperties properties, java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${darkroom.media-optimizer.warm-up-at-once:true}") boolean atOnce,
            io.darkroom.application.support.IdGenerator ids, io.darkroom.application.notification.DefaultNotificationUrls defaults) {
        String fallback = properties.mediaOptimizer().notificationUrl();
        return new io.darkroom.application.optimizer.cache.WarmUps(new io.darkroom.infrastructure.optimizer.cache.JdbcWarmUpQueue(jdbc, ids), urls, delivery,
                webhookQueue, webhooks, transactions,
                cloud -> defaults.of(cloud) != null ? defaults.of(cloud) : fallback == null || fallback.isBlank() ? null : fallback,
                clock,
                atOnce ? WARM_UP_NUDGES : work -> { }, ids);
    }

    /** Works through stored warm-ups on every node (claims never overlap). */
    @Bean
    WarmUpSchedule warmUpSchedule(io.darkroom.application.optimizer.cache.WarmUps warmUps) {
        return new WarmUpSchedule(warmUps);
    }

    static class WarmUpSchedule {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WarmUpSchedule.class);
        private final io.darkroom.application.optimizer.cache.WarmUps warmUps;

        WarmUpSchedule(io.darkroom.application.optimizer.cache.WarmUps warmUps) {
            this.warmUps = warmUps;
        }

        @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${darkroom.media-optimizer.warm-up-interval:500ms}")
        void drain() {
            try {
                warmUps.drain();
            } catch (RuntimeException e) {
                LOG.warn("Warm-ups paused; trying again on the next run: {}", e.getMessage());
            }
        }
    }

    /** Requests on a Media Optimizer domain become {@code /mo/<domain>/...}: after the trusted proxies, before the delivery cache. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<io.darkroom.api.optimizer.OptimizerHostRouting> optimizerHostRouting(
            OptimizerDomains domains) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new io.darkroom.api.optimizer.OptimizerHostRouting(domains));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    OptimizerConfiguration optimizerConfiguration(Commands commands, JdbcOptimizerCatalog catalog, OptimizerDomains domains,
                                                  MasterKey masterKey, GraalMappingEngine engine,
                                                  io.darkroom.application.support.IdGenerator ids) {
        return new OptimizerConfiguration(commands, catalog, domains, new AesGcmSecretCipher(masterKey), engine, ids);
    }
}
