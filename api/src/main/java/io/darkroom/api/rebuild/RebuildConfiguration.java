package io.darkroom.api.rebuild;

import io.darkroom.application.derivation.DerivedResourceProjection;
import io.darkroom.application.optimizer.media.OptimizedMediaProjection;
import io.darkroom.application.optimizer.setup.OptimizerProjection;
import io.darkroom.application.rebuild.ProjectionRebuilder;
import io.darkroom.application.rebuild.ReadModelRebuild;
import io.darkroom.application.resource.audit.AuditProjection;
import io.darkroom.application.resource.listing.ResourceListingProjection;
import io.darkroom.application.preset.PresetListingProjection;
import io.darkroom.application.transformation.TransformationListingProjection;
import io.darkroom.application.usage.UsageProjection;
import io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue;
import io.darkroom.infrastructure.derivation.JdbcDerivedResourceCatalog;
import io.darkroom.infrastructure.optimizer.media.JdbcOptimizedMediaCatalog;
import io.darkroom.infrastructure.optimizer.setup.JdbcOptimizerCatalog;
import io.darkroom.infrastructure.rebuild.OnlineRebuild;
import io.darkroom.infrastructure.rebuild.ReadModel;
import io.darkroom.infrastructure.resource.BatchedResourceCatalog;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import io.darkroom.infrastructure.resource.audit.JdbcAuditLog;
import io.darkroom.infrastructure.preset.JdbcPresetCatalog;
import io.darkroom.infrastructure.transformation.JdbcTransformationCatalog;
import io.darkroom.infrastructure.usage.JdbcUsageStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import javax.sql.DataSource;

/**
 * The read models an online rebuild knows: each with its tables and its live handlers built on the
 * rebuild's shadow connection. Usage is kept live by a streaming processor: its watermark makes that
 * processor skip, after a switch, the events the rebuilt tables already hold.
 */
@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {
    static List<ReadModel> projections() {
        return List.of(
                new ReadModel("listing", List.of("resource_listing", "resource_tag", "resource_analysis"), List.of(),
                        shadow -> new ResourceListingProjection(new BatchedResourceCatalog(new JdbcResourceCatalog(shadow.jdbc()))))
                        .withUniqueIndexesOnly(),
                new ReadModel("versions", List.of("resource_version", "resource_trash"), List.of(),
                        shadow -> new io.darkroom.application.resource.restore.VersionProjection(
                                new io.darkroom.infrastructure.resource.restore.JdbcVersionCatalog(shadow.jdbc()))),
                new ReadModel("audit", List.of("audit_entry"), List.of(),
                        shadow -> new AuditProjection(new JdbcAuditLog(shadow.jdbc()))).withUniqueIndexesOnly(),
                new ReadModel("transformations", List.of("transformation_listing"), List.of(),
                        shadow -> new TransformationListingProjection(new JdbcTransformationCatalog(shadow.jdbc()))),
                new ReadModel("upload-presets", List.of("upload_preset"), List.of(),
                        shadow -> new PresetListingProjection(new JdbcPresetCatalog(shadow.jdbc()))),
                new ReadModel("folders", List.of("folder"), List.of(), shadow -> new io.darkroom.application.folder.FolderProjection(
                        new io.darkroom.infrastructure.folder.JdbcFolderCatalog(shadow.jdbc(), java.time.Clock.systemUTC()))),
                // the derived projection queues removed files: in a rebuild that goes to a scratch copy, never to the live queue
                new ReadModel("derived", List.of("derived_resource"), List.of("blob_deletion"),
                        shadow -> new DerivedResourceProjection(new JdbcDerivedResourceCatalog(shadow.jdbc()),
                                new JdbcBlobDeletionQueue(shadow.jdbc(), shadow.transactions()))),
                new ReadModel("media-optimizer", List.of("mo_media_source", "mo_mapping_function", "mo_delivery_profile"),
                        List.of(), shadow -> new OptimizerProjection(
                                new JdbcOptimizerCatalog(shadow.jdbc()))),
                new ReadModel("optimized-media", List.of("mo_derived"), List.of("blob_deletion"),
                        shadow -> new OptimizedMediaProjection(
                                new JdbcOptimizedMediaCatalog(shadow.jdbc()),
                                new JdbcBlobDeletionQueue(shadow.jdbc(), shadow.transactions()))),
                new ReadModel("usage", List.of("usage_asset", "usage_derived", "usage_day", "usage_folder_day",
                        "usage_watermark"), List.of(), shadow -> new UsageProjection(new JdbcUsageStore(shadow.jdbc())),
                        UsageProjection.PROCESSING_GROUP));
    }

    @Bean
    ReadModelRebuild readModelRebuild(DataSource dataSource, EventStorageEngine storage) {
        return new OnlineRebuild(dataSource, storage, projections());
    }

    @Bean
    ProjectionRebuilder projectionRebuilder(EventStorageEngine storage, TransactionManager transactions) {
        return new ProjectionRebuilder(storage, transactions);
    }

    /** The offline rebuild of the command line ({@code rebuild --offline}): the projections replayed in place. */
    @Bean
    ReplayCommand replayCommand(ProjectionRebuilder rebuilder, ResourceListingProjection listing, AuditProjection audit,
                                TransformationListingProjection transformations, PresetListingProjection presets,
                                DerivedResourceProjection derived, OptimizerProjection optimizer,
                                OptimizedMediaProjection optimized,
                                io.darkroom.application.resource.restore.VersionProjection versions) {
        return new ReplayCommand(rebuilder, List.of(listing, audit, transformations, presets, derived, optimizer, optimized,
                versions));
    }

    @Bean
    Rebuilds rebuilds(ReadModelRebuild readModelRebuild) {
        return new Rebuilds(readModelRebuild);
    }

    @Bean
    MeterBinder rebuildMeters(Rebuilds rebuilds) {
        return registry -> {
            Gauge.builder("darkroom.rebuild.events.done", () -> number(rebuilds.status().get("done")))
                    .description("events the running online rebuild has applied").register(registry);
            Gauge.builder("darkroom.rebuild.events.planned", () -> number(rebuilds.status().get("total")))
                    .description("events the running online rebuild has to apply").register(registry);
        };
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
