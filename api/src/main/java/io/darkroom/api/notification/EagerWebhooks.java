package io.darkroom.api.notification;

import io.darkroom.application.derivation.DerivedResource;
import io.darkroom.application.derivation.EagerNotifications;
import io.darkroom.application.notification.WebhookQueue;
import io.darkroom.application.notification.Webhooks;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.domain.transformation.Transformation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code eager} notification of a finished eager_async batch, queued on the webhook queue in the transaction that
 * finishes the batch, and sent as soon as that commits. Its URLs are built from {@code darkroom.public-base-url} (it is
 * sent from a background worker, outside any request).
 */
public class EagerWebhooks implements EagerNotifications {
    private final WebhookQueue queue;
    private final NotificationJson bodies;
    private final Webhooks webhooks;
    private final IdGenerator ids;
    private final Clock clock;

    public EagerWebhooks(WebhookQueue queue, NotificationJson bodies, Webhooks webhooks, IdGenerator ids, Clock clock) {
        this.queue = queue;
        this.bodies = bodies;
        this.webhooks = webhooks;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void batchDone(ResourceView resource, String batchId, String notificationUrl,
                          List<Map.Entry<Transformation, Optional<DerivedResource>>> results) {
        queue.add(ids.hex32(), resource.cloud(), "eager", notificationUrl, bodies.eager(resource, batchId, results, clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    webhooks.nudge();
                }
            });
        } else {
            webhooks.nudge();
        }
    }
}
