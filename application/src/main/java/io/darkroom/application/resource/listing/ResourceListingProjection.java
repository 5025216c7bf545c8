package io.darkroom.application.resource.listing;

import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

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
        MediaFacts facts = event.facts();
        catalog.saveUploaded(new ResourceView(event.assetId(), event.cloud(), event.resourceType(), event.type(),
                event.publicId(), facts.format(), event.version(), event.versionId(), facts.width(), facts.height(),
                facts.pages(), facts.bytes(), facts.etag(), event.uploadedAt(), event.tags(), event.context(),
                event.moderationKind(), event.moderationStatus(), facts.originalFilename()), analysisOf(facts));
    }

    @EventHandler
    void on(ResourceVersionUploaded event) {
        MediaFacts facts = event.facts();
        catalog.saveNewVersion(new ResourceView(event.assetId(), event.cloud(), event.resourceType(), event.type(),
                event.publicId(), facts.format(), event.version(), event.versionId(), facts.width(), facts.height(),
                facts.pages(), facts.bytes(), facts.etag(), event.uploadedAt(), event.tags(), event.context(),
                null, null, facts.originalFilename()), analysisOf(facts));
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }

    private static ResourceAnalysis analysisOf(MediaFacts facts) {
        return new ResourceAnalysis(facts.phash(), facts.colors(), facts.exif(), facts.metadata());
    }
}
