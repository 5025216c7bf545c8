package io.darkroom.api.config;

import io.darkroom.api.ops.Rebuilds;
import io.darkroom.application.replay.ReadModelRebuild;
import io.darkroom.application.resource.audit.AuditProjection;
import io.darkroom.application.resource.listing.ResourceListingProjection;
import io.darkroom.application.transformation.TransformationListingProjection;
import io.darkroom.application.transformation.derive.DerivedResourceProjection;
import io.darkroom.application.usage.UsageProjection;
import io.darkroom.infrastructure.audit.JdbcAuditLog;
import io.darkroom.infrastructure.blob.JdbcBlobDeletionQueue;
import io.darkroom.infrastructure.replay.OnlineRebuild;
import io.darkroom.infrastructure.resource.BatchedResourceCatalog;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import io.darkroom.infrastructure.transformation.JdbcDerivedResourceCatalog;
import io.darkroom.infrastructure.transformation.JdbcTransformationCatalog;
import io.darkroom.infrastructure.usage.JdbcUsageStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;

/**
 * The read models an online rebuild knows: each with its tables and its live handlers built on the
 * rebuild's shadow connection. Usage is kept live by a streaming processor: its watermark makes that
 * processor skip, after a switch, the events the rebuilt tables already hold.
 */
@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {
    static List<OnlineRebuild.Projection> projections() {
        return List.of(
                new OnlineRebuild.Projection("listing", List.of("resource_listing", "resource_tag", "resource_analysis"), List.of(),
                        shadow -> new ResourceListingProjection(new BatchedResourceCatalog(new JdbcResourceCatalog(shadow.jdbc()))))
                        .withUniqueIndexesOnly(),
                new OnlineRebuild.Projection("audit", List.of("audit_entry"), List.of(),
                        shadow -> new AuditProjection(new JdbcAuditLog(shadow.jdbc()))).withUniqueIndexesOnly(),
                new OnlineRebuild.Projection("transformations", List.of("transformation_listing"), List.of(),
                        shadow -> new TransformationListingProjection(new JdbcTransformationCatalog(shadow.jdbc()))),
                // the derived projection queues removed files: in a rebuild that goes to a scratch copy, never to the live queue
                new OnlineRebuild.Projection("derived", List.of("derived_resource"), List.of("blob_deletion"),
                        shadow -> new DerivedResourceProjection(new JdbcDerivedResourceCatalog(shadow.jdbc()),
                                new JdbcBlobDeletionQueue(shadow.jdbc(), shadow.transactions()))),
                new OnlineRebuild.Projection("media-optimizer", List.of("mo_media_source", "mo_mapping_function", "mo_delivery_profile"),
                        List.of(), shadow -> new io.darkroom.application.optimizer.OptimizerProjection(
                                new io.darkroom.infrastructure.optimizer.JdbcOptimizerCatalog(shadow.jdbc()))),
                new OnlineRebuild.Projection("optimized-media", List.of("mo_derived"), List.of("blob_deletion"),
                        shadow -> new io.darkroom.application.optimizer.OptimizedMediaProjection(
                                new io.darkroom.infrastructure.optimizer.JdbcOptimizedMediaCatalog(shadow.jdbc()),
                                new JdbcBlobDeletionQueue(shadow.jdbc(), shadow.transactions()))),
                new OnlineRebuild.Projection("usage", List.of("usage_asset", "usage_derived", "usage_day", "usage_folder_day",
                        "usage_watermark"), List.of(), shadow -> new UsageProjection(new JdbcUsageStore(shadow.jdbc())),
                        UsageProjection.PROCESSING_GROUP));
    }

    @Bean
    ReadModelRebuild readModelRebuild(DataSource dataSource, EventStorageEngine storage) {
        return new OnlineRebuild(dataSource, storage, projections());
    }

    @Bean
    Rebuilds rebuilds(ReadModelRebuild readModelRebuild) {
        return new Rebuilds(readModelRebuild);
    }
}
