package io.darkroom.api.derivation;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.blob.BlobStore;
import io.darkroom.application.derivation.Coordinates;
import io.darkroom.application.derivation.DerivationSlots;
import io.darkroom.application.derivation.Derivations;
import io.darkroom.application.derivation.DerivedFiles;
import io.darkroom.application.derivation.DerivedResourceProjection;
import io.darkroom.application.derivation.DerivedResources;
import io.darkroom.application.derivation.EagerAsync;
import io.darkroom.application.derivation.NamedTransformations;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.support.Commands;
import io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue;
import io.darkroom.infrastructure.derivation.JdbcDerivedResourceCatalog;
import io.darkroom.infrastructure.derivation.JdbcPendingDerivations;
import io.darkroom.infrastructure.derivation.imaging.VipsImageDeriver;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import io.darkroom.infrastructure.transformation.JdbcTransformationCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;

/** Derived images: the derivations themselves, their slots and files, the derived-files read model, eager_async. */
@Configuration(proxyBeanMethods = false)
public class DerivationConfiguration {
    @Bean
    JdbcDerivedResourceCatalog derivedResourceCatalog(JdbcTemplate jdbc) {
        return new JdbcDerivedResourceCatalog(jdbc);
    }

    @Bean
    DerivedResourceProjection derivedResourceProjection(JdbcDerivedResourceCatalog catalog, JdbcBlobDeletionQueue deletions) {
        return new DerivedResourceProjection(catalog, deletions);
    }

    /** The engine as derivations see it: every call timed for the derivation metrics. */
    @Bean
    TimedImageDeriver timedImageDeriver(VipsImageDeriver deriver, MeterRegistry registry) {
        return new TimedImageDeriver(deriver, registry);
    }

    /** Derivations run on a bounded number of threads per node; a request waits briefly for one, then gets a 503. */
    @Bean
    DerivationSlots derivationSlots(TimedImageDeriver deriver, DarkroomProperties properties) {
        return new DerivationSlots(deriver, properties.derivation().parallel(), properties.derivation().queueWait());
    }

    @Bean
    DerivedFiles derivedFiles(BlobStore blobs, JdbcBlobDeletionQueue deletions, DarkroomProperties properties) throws IOException {
        return new DerivedFiles(blobs, deletions, properties.upload().orphanGrace());
    }

    /** Incoming transformations and format conversions of uploads, in this node's derivation slots. */
    @Bean
    io.darkroom.application.derivation.IncomingTransformations incomingTransformations(TimedImageDeriver deriver,
                                                                                       DerivationSlots slots,
                                                                                       NamedTransformations named) {
        return new io.darkroom.application.derivation.IncomingTransformations(deriver, slots, named);
    }

    @Bean
    NamedTransformations namedTransformations(JdbcTransformationCatalog catalog, Commands commands) {
        return new NamedTransformations(catalog, commands);
    }

    @Bean
    Derivations derivations(JdbcDerivedResourceCatalog derived, NamedTransformations named, DerivedFiles files,
                            TimedImageDeriver deriver, DerivationSlots slots, Commands commands,
                            TransactionManager transactions, JdbcResourceCatalog resources) {
        return new Derivations(derived, named, files, deriver, derived, slots, commands, transactions, assetId -> {
            var analysis = resources.analysis(assetId);
            return Coordinates.of(analysis.faces(), analysis.custom());
        });
    }

    @Bean
    DerivedResources derivedResources(JdbcDerivedResourceCatalog catalog, Commands commands) {
        return new DerivedResources(catalog, commands);
    }

    @Bean
    JdbcPendingDerivations pendingDerivations(JdbcTemplate jdbc) {
        return new JdbcPendingDerivations(jdbc);
    }

    /** A claimed eager_async derivation is another node's to retry after 2 minutes (well past the derivation time bound). */
    @Bean
    EagerAsync eagerAsync(JdbcPendingDerivations pending, Derivations derivations, ResourceQueries queries,
                          DarkroomProperties properties, io.darkroom.application.derivation.EagerNotifications notifications,
                          org.axonframework.common.transaction.TransactionManager transactions) {
        return new EagerAsync(pending, derivations, queries, properties.derivation().timeBound().multipliedBy(2).plusMinutes(1),
                notifications, transactions);
    }

    @Bean
    MeterBinder derivationMeters(DerivationSlots slots, JdbcPendingDerivations pending) {
        return registry -> {
            Gauge.builder("darkroom.derivations.in.progress", slots::inProgress)
                    .description("derivations computing on this node").register(registry);
            Gauge.builder("darkroom.derivations.waiting", slots::waiting)
                    .description("requests waiting for a derivation slot on this node").register(registry);
            Gauge.builder("darkroom.derivations.slots", slots::slots)
                    .description("derivations this node computes at once").register(registry);
            Gauge.builder("darkroom.eager.async.pending", pending::count)
                    .description("eager_async derivations waiting or in progress").register(registry);
        };
    }
}
