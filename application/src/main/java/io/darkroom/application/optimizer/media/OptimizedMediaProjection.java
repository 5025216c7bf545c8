package io.darkroom.application.optimizer.media;

import io.darkroom.application.blob.BlobDeletionQueue;
import io.darkroom.domain.optimizer.OptimizedMediaDerived;
import io.darkroom.domain.optimizer.OptimizedMediaInvalidated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps the stored Media Optimizer derivations; an invalidation removes a media's versions and queues their files for
 * deletion in the same transaction. Idempotent; replayable.
 */
@ProcessingGroup(OptimizedMediaProjection.PROCESSING_GROUP)
public class OptimizedMediaProjection {
    public static final String PROCESSING_GROUP = "optimized-media";

    private final OptimizedMediaCatalog catalog;
    private final BlobDeletionQueue deletions;

    public OptimizedMediaProjection(OptimizedMediaCatalog catalog, BlobDeletionQueue deletions) {
        this.catalog = catalog;
        this.deletions = deletions;
    }

    @EventHandler
    void on(OptimizedMediaDerived event) {
        catalog.save(new OptimizedVariant(event.cloud(), event.mediaId(), event.mediaKey(), event.variantId(), event.resourceType(),
                event.transformation(), event.format(), event.bytes(), event.width(), event.height(), event.blobKey()));
    }

    @EventHandler
    void on(OptimizedMediaInvalidated event) {
        catalog.removeAll(event.mediaId());
        if (!event.blobKeys().isEmpty()) {
            deletions.enqueue(event.blobKeys());
        }
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }
}
