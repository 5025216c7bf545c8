package io.darkroom.application.resource.restore;

import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceRestored;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import io.darkroom.domain.resource.ResourceVersionsPurged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * Keeps the versions read model: every uploaded version with its facts (what a restore needs), which one is current,
 * which were purged, and the trash. From the resource events alone, in the writing transaction, and in replays.
 */
@ProcessingGroup(VersionProjection.PROCESSING_GROUP)
public class VersionProjection {
    public static final String PROCESSING_GROUP = "versions";

    private final VersionCatalog catalog;

    public VersionProjection(VersionCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(ResourceUploaded event, @Timestamp Instant at) {
        catalog.added(event.assetId(), event.cloud(), event.versionId(), event.version(), stored(at), event.facts());
    }

    @EventHandler
    void on(ResourceVersionUploaded event, @Timestamp Instant at) {
        catalog.added(event.assetId(), event.cloud(), event.versionId(), event.version(), stored(at), event.facts());
    }

    @EventHandler
    void on(ResourceDeleted event, @Timestamp Instant at) {
        if (event.trashed()) {
            catalog.trashed(new TrashedAsset(event.assetId(), event.cloud(), event.resourceType(), event.type(),
                    event.publicId(), null, event.deletedAt()));
        } else {
            catalog.purged(event.assetId(), event.versionIds(), stored(at));
        }
    }

    @EventHandler
    void on(ResourceRestored event) {
        catalog.restored(event.assetId(), event.versionId(), event.fromTrash());
    }

    @EventHandler
    void on(ResourceVersionsPurged event, @Timestamp Instant at) {
        // an asset left with nothing kept (every expired purge) leaves the trash in the same statement
        catalog.purged(event.assetId(), event.versionIds(), stored(at));
    }

    /** An event's time as the event store keeps it (milliseconds), so a replay writes exactly what the live handler did. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }
}
