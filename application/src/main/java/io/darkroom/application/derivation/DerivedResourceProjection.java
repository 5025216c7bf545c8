package io.darkroom.application.derivation;

import io.darkroom.application.blob.BlobDeletionQueue;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceDerived;
import io.darkroom.domain.resource.ResourceDerivedDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the derived files read model; when a resource is deleted its derived files go, and their
 * bytes join the deletion queue in the same transaction. Idempotent; replayable (a replay finds
 * the queue already holding or done with those keys).
 */
@ProcessingGroup(DerivedResourceProjection.PROCESSING_GROUP)
public class DerivedResourceProjection {
    public static final String PROCESSING_GROUP = "derived-resources";

    private final DerivedResourceCatalog catalog;
    private final BlobDeletionQueue deletions;

    public DerivedResourceProjection(DerivedResourceCatalog catalog, BlobDeletionQueue deletions) {
        this.catalog = catalog;
        this.deletions = deletions;
    }

    @EventHandler
    void on(ResourceDerived event, @Timestamp Instant at) {
        catalog.save(new DerivedResource(event.derivedId(), event.assetId(), event.cloud(), event.versionId(),
                event.transformation(), event.format(), event.bytes(), event.width(), event.height(), event.blobKey()), at);
    }

    @EventHandler
    void on(ResourceDerivedDeleted event) {
        catalog.remove(event.derivedIds());
        deletions.enqueue(event.blobKeys());
    }

    @EventHandler
    void on(ResourceDeleted event) {
        List<String> keys = catalog.removeAll(event.assetId());
        if (!keys.isEmpty()) {
            deletions.enqueue(keys);
        }
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }
}
