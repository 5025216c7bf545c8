package io.darkroom.application.transformation;

import io.darkroom.domain.transformation.TransformationCreated;
import io.darkroom.domain.transformation.TransformationDeleted;
import io.darkroom.domain.transformation.TransformationUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** Keeps the transformations read model, in the command's transaction and in a replay. Idempotent. */
@ProcessingGroup(TransformationListingProjection.PROCESSING_GROUP)
public class TransformationListingProjection {
    public static final String PROCESSING_GROUP = "transformation-listing";

    private final TransformationCatalog catalog;

    public TransformationListingProjection(TransformationCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(TransformationCreated event) {
        catalog.save(new TransformationView(event.cloud(), event.name(), event.named(), event.definition(), event.allowedForStrict()));
    }

    @EventHandler
    void on(TransformationUpdated event) {
        catalog.update(event.cloud(), event.name(), event.definition(), event.allowedForStrict());
    }

    @EventHandler
    void on(TransformationDeleted event) {
        catalog.delete(event.cloud(), event.name());
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }
}
