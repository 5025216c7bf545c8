package io.darkroom.application.resource.listing;

import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceContextChanged;
import io.darkroom.domain.resource.ResourceCoordinatesChanged;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceRestored;
import io.darkroom.domain.resource.ResourceDisplayNameChanged;
import io.darkroom.domain.resource.ResourceMoved;
import io.darkroom.domain.resource.ResourceEvent;
import io.darkroom.domain.resource.ResourceModerated;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceTagsChanged;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keeps the listing read model: one row per resource, its tags, and its heavier analysis.
 * Runs in the transaction of the command that produced the event (read-your-writes), and in
 * a replay when the read model is rebuilt from the event store.
 */
@ProcessingGroup(ResourceListingProjection.PROCESSING_GROUP)
public class ResourceListingProjection {
    public static final String PROCESSING_GROUP = "resource-listing";

    private final ResourceCatalog catalog;

    public ResourceListingProjection(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(ResourceUploaded event) {
        catalog.saveUploaded(view(event, event.versionId(), event.version(), event.facts(), event.uploadedAt(), event.tags(),
                event.context(), event.moderationKind(), event.moderationStatus(), event.assetFolder(), event.displayName()),
                ResourceAnalysis.of(event.facts()));
    }

    @EventHandler
    void on(ResourceVersionUploaded event) {
        // moderation is not part of a new version: saveNewVersion keeps the stored one
        catalog.saveNewVersion(view(event, event.versionId(), event.version(), event.facts(), event.uploadedAt(), event.tags(),
                event.context(), null, null, null, null), ResourceAnalysis.of(event.facts()));
    }

    @EventHandler
    void on(ResourceTagsChanged event) {
        catalog.saveTags(event.assetId(), event.tags(), event.added(), event.removed());
    }

    @EventHandler
    void on(ResourceContextChanged event) {
        catalog.saveContext(event.assetId(), event.context());
    }

    @EventHandler
    void on(ResourceCoordinatesChanged event) {
        catalog.saveCoordinates(event.assetId(), event.faces(), event.custom());
    }

    @EventHandler
    void on(ResourceModerated event) {
        catalog.saveModeration(event.assetId(), event.moderationKind(), event.moderationStatus());
    }

    @EventHandler
    void on(ResourceRenamed event) {
        catalog.savePublicId(event.assetId(), event.publicId(), event.assetFolder());
    }

    @EventHandler
    void on(ResourceMoved event) {
        catalog.saveAssetFolder(event.assetId(), event.assetFolder());
    }

    @EventHandler
    void on(ResourceDisplayNameChanged event) {
        catalog.saveDisplayName(event.assetId(), event.displayName());
    }

    /** Out of the trash: the row as it was at deletion; an older version made current: its facts. */
    @EventHandler
    void on(ResourceRestored event) {
        if (event.fromTrash()) {
            catalog.saveRestored(view(event, event.versionId(), event.version(), event.facts(), event.restoredAt(),
                    event.tags(), event.context(), event.moderationKind(), event.moderationStatus(), event.assetFolder(),
                    event.displayName()), ResourceAnalysis.of(event.facts()), event.faces(), event.custom());
        } else {
            catalog.saveNewVersion(view(event, event.versionId(), event.version(), event.facts(), event.restoredAt(),
                    event.tags(), event.context(), null, null, null, null), ResourceAnalysis.of(event.facts()));
        }
    }

    @EventHandler
    void on(ResourceDeleted event) {
        catalog.delete(event.assetId());
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }

    private static ResourceView view(ResourceEvent event, String versionId, long version, MediaFacts facts, Instant uploadedAt,
                                     List<String> tags, Map<String, String> context, String moderationKind,
                                     String moderationStatus, String assetFolder, String displayName) {
        return new ResourceView(event.assetId(), event.cloud(), event.resourceType(), event.type(), event.publicId(),
                facts.format(), version, versionId, facts.width(), facts.height(), facts.pages(), facts.bytes(), facts.etag(),
                uploadedAt, tags, context, moderationKind, moderationStatus, facts.originalFilename(), assetFolder,
                displayName);
    }
}
