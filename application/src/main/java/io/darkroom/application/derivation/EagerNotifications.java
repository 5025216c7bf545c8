package io.darkroom.application.derivation;

import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.domain.transformation.Transformation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: queues the {@code eager} notification of a finished eager_async batch, in the caller's transaction. */
public interface EagerNotifications {
    /**
     * {@code results} holds, for each transformation in the order asked, the derived file (empty: it could not be derived).
     */
    void batchDone(ResourceView resource, String batchId, String notificationUrl,
                   List<Map.Entry<Transformation, Optional<DerivedResource>>> results);
}
