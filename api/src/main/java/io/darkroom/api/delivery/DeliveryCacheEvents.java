package io.darkroom.api.delivery;

import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceDerivedDeleted;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Drops this node's cached deliveries of an asset once a change to what it delivers commits (a
 * subscribing handler: it runs in the command's unit of work, on the node that made the change).
 * Other nodes learn of the change from the event store ({@link DeliveryCacheSync}).
 */
@ProcessingGroup(DeliveryCacheEvents.PROCESSING_GROUP)
public class DeliveryCacheEvents {
    public static final String PROCESSING_GROUP = "delivery-cache";

    /** The events after which an asset's cached answers are wrong: its bytes, name or derived files changed. */
    public static final java.util.List<Class<?>> INVALIDATING = java.util.List.of(ResourceVersionUploaded.class,
            ResourceRenamed.class, ResourceDeleted.class, ResourceDerivedDeleted.class,
            io.darkroom.domain.resource.ResourceRestored.class,
            io.darkroom.domain.optimizer.OptimizedMediaInvalidated.class);

    private final DeliveryCache cache;

    public DeliveryCacheEvents(DeliveryCache cache) {
        this.cache = cache;
    }

    @EventHandler
    void on(ResourceVersionUploaded event) {
        forgetAfterCommit(event.assetId());
    }

    @EventHandler
    void on(ResourceRenamed event) {
        forgetAfterCommit(event.assetId());
    }

    @EventHandler
    void on(ResourceDeleted event) {
        forgetAfterCommit(event.assetId());
    }

    /** An older version made current changes what the asset's URLs without a version deliver. */
    @EventHandler
    void on(io.darkroom.domain.resource.ResourceRestored event) {
        forgetAfterCommit(event.assetId());
    }

    @EventHandler
    void on(ResourceDerivedDeleted event) {
        forgetAfterCommit(event.assetId());
    }

    /** A Media Optimizer media's answers are cached under its media id. */
    @EventHandler
    void on(io.darkroom.domain.optimizer.OptimizedMediaInvalidated event) {
        forgetAfterCommit(event.mediaId());
    }

    /** Now, and again after the commit, so an answer cached from the old state in between goes too. */
    private void forgetAfterCommit(String assetId) {
        cache.forget(assetId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unit -> cache.forget(assetId));
        }
    }
}
