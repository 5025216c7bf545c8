package io.darkroom.application.blob;

import io.darkroom.domain.resource.ResourceDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Queues the bytes of every version of a deleted resource for removal, in the deletion's own
 * transaction: if the deletion rolls back nothing is queued, and once it commits the queue
 * outlives any crash until {@link BlobSweeper} has removed the files.
 */
@ProcessingGroup(BlobCleanupProjection.PROCESSING_GROUP)
public class BlobCleanupProjection {
    public static final String PROCESSING_GROUP = "blob-cleanup";

    private final BlobDeletionQueue queue;

    public BlobCleanupProjection(BlobDeletionQueue queue) {
        this.queue = queue;
    }

    @EventHandler
    void on(ResourceDeleted event) {
        queue.enqueue(event.versionIds().stream().map(versionId -> BlobStore.keyOf(event.cloud(), versionId)).toList());
    }
}
