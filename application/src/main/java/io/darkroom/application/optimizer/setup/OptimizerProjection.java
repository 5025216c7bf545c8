package io.darkroom.application.optimizer.setup;

import io.darkroom.domain.optimizer.DeliveryProfileCreated;
import io.darkroom.domain.optimizer.DeliveryProfileDeleted;
import io.darkroom.domain.optimizer.DeliveryProfileUpdated;
import io.darkroom.domain.optimizer.MappingFunctionCreated;
import io.darkroom.domain.optimizer.MappingFunctionDeleted;
import io.darkroom.domain.optimizer.MappingFunctionUpdated;
import io.darkroom.domain.optimizer.MediaSourceCreated;
import io.darkroom.domain.optimizer.MediaSourceDeleted;
import io.darkroom.domain.optimizer.MediaSourceUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Keeps the Media Optimizer read model, in the command's transaction and in a replay. Idempotent. */
@ProcessingGroup(OptimizerProjection.PROCESSING_GROUP)
public class OptimizerProjection {
    public static final String PROCESSING_GROUP = "media-optimizer";
    private static final String CUSTOM = "custom";

    private final OptimizerCatalog catalog;

    public OptimizerProjection(OptimizerCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(MediaSourceCreated event, @Timestamp Instant at) {
        catalog.saveSource(new MediaSourceView(event.cloud(), event.id(), event.displayName(), event.uriType(), event.config()),
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    @EventHandler
    void on(MediaSourceUpdated event) {
        catalog.saveSource(new MediaSourceView(event.cloud(), event.id(), event.displayName(), event.uriType(), event.config()), null);
    }

    @EventHandler
    void on(MediaSourceDeleted event) {
        catalog.deleteSource(event.cloud(), event.id());
    }

    @EventHandler
    void on(MappingFunctionCreated event, @Timestamp Instant at) {
        catalog.saveFunction(event.cloud(), new MappingFunctionView(event.id(), event.displayName(), event.code(), CUSTOM),
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    @EventHandler
    void on(MappingFunctionUpdated event) {
        catalog.saveFunction(event.cloud(), new MappingFunctionView(event.id(), event.displayName(), event.code(), CUSTOM), null);
    }

    @EventHandler
    void on(MappingFunctionDeleted event) {
        catalog.deleteFunction(event.cloud(), event.id());
    }

    @EventHandler
    void on(DeliveryProfileCreated event, @Timestamp Instant at) {
        catalog.saveProfile(new DeliveryProfileView(event.cloud(), event.id(), event.displayName(), event.pathPrefix(), event.cnameId(),
                event.mappingFunctionId(), event.defaultTransformation(), event.mediaSourceIds(), event.enabled()),
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    @EventHandler
    void on(DeliveryProfileUpdated event) {
        catalog.saveProfile(new DeliveryProfileView(event.cloud(), event.id(), event.displayName(), event.pathPrefix(), event.cnameId(),
                event.mappingFunctionId(), event.defaultTransformation(), event.mediaSourceIds(), event.enabled()), null);
    }

    @EventHandler
    void on(DeliveryProfileDeleted event) {
        catalog.deleteProfile(event.cloud(), event.id());
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }
}
