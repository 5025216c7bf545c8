package io.darkroom.api.resource;

import io.darkroom.api.web.RequestMetadata;
import io.darkroom.application.resource.listing.ResourceListingProjection;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.manage.ResourceDeleter;
import io.darkroom.application.resource.manage.ResourceDerivatives;
import io.darkroom.application.resource.manage.ResourceManager;
import io.darkroom.application.support.AggregatePrefetch;
import io.darkroom.application.support.Commands;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.infrastructure.resource.JdbcPublicIdClaims;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Resources: the listing read model and its queries, public-id claims, updates and (bulk) deletions. */
@Configuration(proxyBeanMethods = false)
public class ResourceConfiguration {
    @Bean
    JdbcResourceCatalog resourceCatalog(JdbcTemplate jdbc) {
        return new JdbcResourceCatalog(jdbc);
    }

    @Bean
    ResourceListingProjection resourceListingProjection(JdbcResourceCatalog catalog) {
        return new ResourceListingProjection(catalog);
    }

    @Bean
    ResourceQueries resourceQueries(JdbcResourceCatalog catalog, CursorCodec cursors) {
        return new ResourceQueries(catalog, cursors);
    }

    @Bean
    JdbcPublicIdClaims publicIdClaims(JdbcTemplate jdbc) {
        return new JdbcPublicIdClaims(jdbc);
    }

    @Bean
    ResourceManager resourceManager(JdbcPublicIdClaims claims, JdbcResourceCatalog catalog, Commands commands,
                                    AggregatePrefetch prefetch, io.darkroom.application.cloud.FolderModes folderModes,
                                    io.darkroom.application.cloud.TrashRetention retention, java.time.Clock clock) {
        return new ResourceManager(claims, catalog, commands, prefetch, folderModes, retention, clock);
    }

    /** Bulk deletions run their batches on one thread per core (plus one), carrying the request's metadata. */
    @Bean
    ResourceDeleter resourceDeleter(ResourceManager manager, ResourceQueries queries, JdbcPublicIdClaims claims,
                                    Commands commands, ResourceDerivatives derivatives) {
        return new ResourceDeleter(manager, queries, claims, commands, bulkWorkers("bulk-delete"), derivatives);
    }

    /** A pool of one thread per core (plus one) for a bulk call's batches, carrying the request's metadata. */
    public static java.util.concurrent.Executor bulkWorkers(String name) {
        int threads = Runtime.getRuntime().availableProcessors() + 1;
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        return RequestMetadata.propagating(workers);
    }
}
