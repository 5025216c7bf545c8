package io.darkroom.application.blob;

import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceVersionsPurged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Queues the bytes of removed versions (a deletion without trash, a purge) for removal, in the event's own
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

    /** A deletion into the trash keeps the bytes: they go when their versions are purged. */
    @EventHandler
    void on(ResourceDeleted event) {
        if (!event.trashed()) {
            queue.enqueue(keys(event.cloud(), event.versionIds()));
        }
    }

    @EventHandler
    void on(ResourceVersionsPurged event) {
        queue.enqueue(keys(event.cloud(), event.versionIds()));
    }

    private static java.util.List<String> keys(String cloud, java.util.List<String> versionIds) {
        return versionIds.stream().map(versionId -> BlobStore.keyOf(cloud, versionId)).toList();
    }
}
