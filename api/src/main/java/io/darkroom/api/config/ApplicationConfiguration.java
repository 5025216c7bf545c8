package io.darkroom.api.config;

import io.darkroom.application.cloud.AdminRateLimiter;
import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.replay.ProjectionRebuilder;
import io.darkroom.application.resource.audit.AuditProjection;
import io.darkroom.application.resource.audit.AuditQueries;
import io.darkroom.application.resource.audit.ResourceHistory;
import io.darkroom.application.resource.cleanup.BlobCleanupProjection;
import io.darkroom.application.resource.cleanup.BlobSweeper;
import io.darkroom.application.resource.listing.CursorCodec;
import io.darkroom.application.resource.listing.ResourceListingProjection;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.manage.ResourceDeleter;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.resource.upload.BlobStore;
import io.darkroom.application.resource.upload.MediaInspector;
import io.darkroom.application.resource.upload.RemoteFileFetcher;
import io.darkroom.application.resource.upload.ResourceUploader;
import io.darkroom.application.resource.upload.chunked.ChunkedUploads;
import io.darkroom.application.support.AggregatePrefetch;
import io.darkroom.application.support.Commands;
import io.darkroom.application.transformation.TransformationListingProjection;
import io.darkroom.application.transformation.derive.Derivations;
import io.darkroom.application.transformation.derive.DerivedResourceProjection;
import io.darkroom.infrastructure.imaging.VipsImageDeriver;
import io.darkroom.infrastructure.transformation.JdbcDerivedResourceCatalog;
import io.darkroom.application.transformation.Transformations;
import io.darkroom.infrastructure.audit.JdbcAuditLog;
import io.darkroom.infrastructure.blob.FileSystemBlobStore;
import io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue;
import io.darkroom.infrastructure.cloud.JdbcCloudRegistry;
import io.darkroom.infrastructure.crypto.AesGcmSecretCipher;
import io.darkroom.infrastructure.crypto.MasterKey;
import io.darkroom.infrastructure.fetch.SafeUrlFetcher;
import io.darkroom.infrastructure.media.MediaFileInspector;
import io.darkroom.infrastructure.ratelimit.JdbcAdminRateLimiter;
import io.darkroom.infrastructure.resource.JdbcPublicIdClaims;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import io.darkroom.infrastructure.transformation.JdbcTransformationCatalog;
import io.darkroom.infrastructure.upload.JdbcPartialUploadStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The beans of every port and use case; the only place that knows which implementation serves which port. */
@Configuration(proxyBeanMethods = false)
public class ApplicationConfiguration {
    /** Failed authentications allowed per client address and minute before it is refused for the rest of the minute. */
    @Bean
    io.darkroom.application.cloud.AuthenticationThrottle authenticationThrottle(JdbcTemplate jdbc, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${darkroom.auth.max-failures-per-minute:30}") int maxFailures) {
        return new io.darkroom.application.cloud.AuthenticationThrottle(
                new io.darkroom.infrastructure.ratelimit.JdbcAuthenticationFailures(jdbc), clock, maxFailures);
    }

    @Bean
    io.darkroom.api.web.DatabaseOutage databaseOutage() {
        return io.darkroom.infrastructure.postgres.DatabaseReachability::isUnreachable;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MasterKey masterKey(DarkroomProperties properties) {
        return MasterKey.load(properties.masterKey(), properties.dataDir().toAbsolutePath());
    }

    /** The clouds; one it created at this start (none was configured or stored) is shown once by {@link StartupBanner}. */
    @Bean
    JdbcCloudRegistry cloudRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, MasterKey masterKey,
                                    DarkroomProperties properties, StartupBanner banner) {
        JdbcCloudRegistry registry = new JdbcCloudRegistry(jdbc, transactions, new AesGcmSecretCipher(masterKey));
        List<Cloud> configured = new ArrayList<>();
        if (properties.cloudinaryUrl() != null && !properties.cloudinaryUrl().isBlank()) {
            configured.add(CloudinaryUrl.parse(properties.cloudinaryUrl(), properties.defaultHourlyLimit()));
        }
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            configured.add(CloudinaryUrl.parse(entry.url(),
                    entry.hourlyLimit() == null ? properties.defaultHourlyLimit() : entry.hourlyLimit()));
        }
        registry.bootstrap(configured, properties.defaultHourlyLimit()).ifPresent(banner::cloudCreated);
        return registry;
    }

    @Bean
    io.darkroom.api.delivery.StrictTransformations strictTransformations(DarkroomProperties properties) {
        java.util.Set<String> strict = new java.util.HashSet<>();
        if (properties.strictTransformations() && properties.cloudinaryUrl() != null && !properties.cloudinaryUrl().isBlank()) {
            strict.add(CloudinaryUrl.parse(properties.cloudinaryUrl(), 0).name());
        }
        for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
            if (Boolean.TRUE.equals(entry.strictTransformations())) {
                strict.add(CloudinaryUrl.parse(entry.url(), 0).name());
            }
        }
        return new io.darkroom.api.delivery.StrictTransformations(strict);
    }

    @Bean
    AdminRateLimiter adminRateLimiter(JdbcTemplate jdbc) {
        return new JdbcAdminRateLimiter(jdbc);
    }

    @Bean
    JdbcResourceCatalog resourceCatalog(JdbcTemplate jdbc) {
        return new JdbcResourceCatalog(jdbc);
    }

    @Bean
    ResourceListingProjection resourceListingProjection(JdbcResourceCatalog catalog) {
        return new ResourceListingProjection(catalog);
    }

    /** One cursor key for every listing; derived from the master key, so all nodes agree. */
    @Bean
    CursorCodec cursorCodec(MasterKey masterKey) {
        return new CursorCodec(masterKey.derive("darkroom-cursor-v1"));
    }

    @Bean
    ResourceQueries resourceQueries(JdbcResourceCatalog catalog, CursorCodec cursors) {
        return new ResourceQueries(catalog, cursors);
    }

    @Bean
    BlobStore blobStore(DarkroomProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.dataDir().toAbsolutePath().resolve("blobs"));
    }

    @Bean
    MediaInspector mediaInspector(DarkroomProperties properties) {
        return new MediaFileInspector(properties.upload().maxPixels());
    }

    @Bean
    RemoteFileFetcher remoteFileFetcher(DarkroomProperties properties) {
        return new SafeUrlFetcher(properties.upload().allowPrivateAddresses(), properties.upload().fetchTimeout());
    }

    @Bean
    Commands commands(CommandGateway gateway, TransactionManager transactions) {
        return new Commands(gateway, transactions);
    }

    @Bean
    JdbcPublicIdClaims publicIdClaims(JdbcTemplate jdbc) {
        return new JdbcPublicIdClaims(jdbc);
    }

    @Bean
    ResourceUploader resourceUploader(MediaInspector inspector, BlobStore blobs, JdbcPublicIdClaims claims,
                                      JdbcResourceCatalog catalog, Commands commands,
                                      TransactionManager transactions, Clock clock, JdbcBlobDeletionQueue deletions,
                                      DarkroomProperties properties) {
        return new ResourceUploader(inspector, blobs, claims, catalog, commands, transactions, clock, deletions,
                properties.upload().orphanGrace());
    }

    @Bean
    ChunkedUploads chunkedUploads(JdbcTemplate jdbc, TransactionTemplate transactionTemplate, BlobStore blobs,
                                  JdbcBlobDeletionQueue deletions, TransactionManager transactions,
                                  DarkroomProperties properties) throws java.io.IOException {
        java.nio.file.Path staging = java.nio.file.Files.createDirectories(properties.stagingDir());
        return new ChunkedUploads(new JdbcPartialUploadStore(jdbc, transactionTemplate), blobs, deletions, transactions,
                staging, properties.upload().maxFileSize().toBytes(),
                Math.min(properties.upload().maxRequestSize().toBytes(), properties.upload().maxFileSize().toBytes()),
                properties.upload().chunkGrace());
    }

    @Bean
    ResourceManager resourceManager(JdbcPublicIdClaims claims, JdbcResourceCatalog catalog, Commands commands,
                                    AggregatePrefetch prefetch) {
        return new ResourceManager(claims, catalog, commands, prefetch);
    }

    @Bean
    ResourceDeleter resourceDeleter(ResourceManager manager, ResourceQueries queries, JdbcPublicIdClaims claims,
                                    Commands commands, Derivations derivations) {
        int threads = Runtime.getRuntime().availableProcessors() + 1;
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bulk-delete");
            thread.setDaemon(true);
            return thread;
        });
        return new ResourceDeleter(manager, queries, claims, commands,
                io.darkroom.api.web.RequestMetadata.propagating(workers), derivations);
    }

    @Bean
    JdbcBlobDeletionQueue blobDeletionQueue(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcBlobDeletionQueue(jdbc, transactions);
    }

    @Bean
    BlobCleanupProjection blobCleanupProjection(JdbcBlobDeletionQueue queue) {
        return new BlobCleanupProjection(queue);
    }

    @Bean
    BlobSweeper blobSweeper(JdbcBlobDeletionQueue queue, BlobStore blobs) {
        return new BlobSweeper(queue, blobs);
    }

    @Bean
    JdbcAuditLog auditLog(JdbcTemplate jdbc) {
        return new JdbcAuditLog(jdbc);
    }

    @Bean
    AuditProjection auditProjection(JdbcAuditLog log) {
        return new AuditProjection(log);
    }

    @Bean
    AuditQueries auditQueries(JdbcAuditLog log, CursorCodec cursors) {
        return new AuditQueries(log, cursors);
    }

    @Bean
    ResourceHistory resourceHistory(EventStore eventStore) {
        return new ResourceHistory(eventStore);
    }

    @Bean
    ProjectionRebuilder projectionRebuilder(EventStorageEngine storage, TransactionManager transactions) {
        return new ProjectionRebuilder(storage, transactions);
    }

    @Bean
    ReplayCommand replayCommand(ProjectionRebuilder rebuilder, ResourceListingProjection listing, AuditProjection audit,
                                TransformationListingProjection transformations, DerivedResourceProjection derived,
                                io.darkroom.application.optimizer.OptimizerProjection optimizer,
                                io.darkroom.application.optimizer.OptimizedMediaProjection optimized) {
        return new ReplayCommand(rebuilder, List.of(listing, audit, transformations, derived, optimizer, optimized));
    }

    @Bean
    JdbcDerivedResourceCatalog derivedResourceCatalog(JdbcTemplate jdbc) {
        return new JdbcDerivedResourceCatalog(jdbc);
    }

    @Bean
    DerivedResourceProjection derivedResourceProjection(JdbcDerivedResourceCatalog catalog, JdbcBlobDeletionQueue deletions) {
        return new DerivedResourceProjection(catalog, deletions);
    }

    /** Derivations run on a bounded number of threads per node; a request waits briefly for one, then gets a 503. */
    @Bean
    Derivations derivations(JdbcDerivedResourceCatalog derived, JdbcTransformationCatalog named, BlobStore blobs,
                            JdbcBlobDeletionQueue deletions, VipsImageDeriver deriver, Commands commands,
                            TransactionManager transactions, JdbcResourceCatalog resources, DarkroomProperties properties,
                            io.micrometer.core.instrument.MeterRegistry registry)
            throws java.io.IOException {
        java.nio.file.Path staging = java.nio.file.Files.createDirectories(properties.stagingDir());
        DarkroomProperties.Derivation limits = properties.derivation();
        return new Derivations(derived, named, blobs, deletions, new io.darkroom.api.metrics.TimedImageDeriver(deriver, registry),
                derived, commands, transactions, staging,
                properties.upload().orphanGrace(), limits.parallel(), limits.queueWait(), assetId -> {
                    var analysis = resources.analysis(assetId);
                    return io.darkroom.application.transformation.derive.Coordinates.of(analysis.faces(), analysis.custom());
                });
    }

    @Bean
    io.darkroom.infrastructure.transformation.JdbcPendingDerivations pendingDerivations(JdbcTemplate jdbc) {
        return new io.darkroom.infrastructure.transformation.JdbcPendingDerivations(jdbc);
    }

    /** A claimed eager_async derivation is another node's to retry after 2 minutes (well past the derivation time bound). */
    @Bean
    io.darkroom.application.transformation.derive.EagerAsync eagerAsync(
            io.darkroom.infrastructure.transformation.JdbcPendingDerivations pending, Derivations derivations, ResourceQueries queries,
            DarkroomProperties properties) {
        return new io.darkroom.application.transformation.derive.EagerAsync(pending, derivations, queries,
                properties.derivation().timeBound().multipliedBy(2).plusMinutes(1));
    }

    @Bean
    JdbcTransformationCatalog transformationCatalog(JdbcTemplate jdbc) {
        return new JdbcTransformationCatalog(jdbc);
    }

    @Bean
    TransformationListingProjection transformationListingProjection(
            JdbcTransformationCatalog catalog) {
        return new TransformationListingProjection(catalog);
    }

    @Bean
    Transformations transformations(Commands commands,
            JdbcTransformationCatalog catalog, CursorCodec cursors) {
        return new Transformations(commands, catalog, cursors);
    }

}
