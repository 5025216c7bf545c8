package io.darkroom.application.derivation;

import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.transformation.Transformation;
import org.axonframework.common.transaction.TransactionManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code eager_async}: the transformations are stored with the upload's answer and derived in the
 * background by whichever node claims them first, so a restart or a second node neither loses nor
 * doubles one. A derivation that fails on bad input is dropped (it would fail again); one that fails
 * for a passing reason (engine busy, database away) is retried when its lease runs out, up to
 * {@link #MAX_ATTEMPTS} times. A batch asked with a notification URL is notified once its last derivation is done (or
 * dropped), by whichever node finishes it, in the transaction that removes that derivation.
 */
public class EagerAsync {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(EagerAsync.class.getName());

    private final PendingDerivations pending;
    private final Derivations derivations;
    private final ResourceQueries resources;
    private final Duration lease;
    private final EagerNotifications notifications;
    private final TransactionManager transactions;

    public EagerAsync(PendingDerivations pending, Derivations derivations, ResourceQueries resources, Duration lease,
                      EagerNotifications notifications, TransactionManager transactions) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.pending = pending;
        this.derivations = derivations;
        this.resources = resources;
        this.lease = lease;
    }

    /** Queues {@code eager} for {@code resource}; the batch id the answer names. {@code notificationUrl} may be null. */
    public String enqueue(ResourceView resource, List<Transformation> eager, String notificationUrl) {
        String batchId = UUID.randomUUID().toString().replace("-", "");
        pending.enqueue(resource.cloud(), resource.assetId(), eager.stream().map(Transformation::canonical).toList(), batchId,
                notificationUrl);
        return batchId;
    }

    /** Derives queued work until none is due; the number derived. */
    public int drain() {
        int done = 0;
        for (Optional<PendingDerivations.Pending> next = pending.claim(lease); next.isPresent(); next = pending.claim(lease)) {
            if (run(next.get())) {
                done++;
            }
        }
        return done;
    }

    private boolean run(PendingDerivations.Pending work) {
        try {
            Optional<ResourceView> resource = resources.byAssetIds(work.cloud(), List.of(work.assetId())).stream().findFirst();
            if (resource.isPresent()) {
                derivations.eager(resource.get(), Transformation.parse(work.transformation()));
            }
            finish(work);
            return resource.isPresent();
        } catch (DarkroomException e) {
            boolean passing = e.kind() == DarkroomException.Kind.UNAVAILABLE;
            if (!passing || work.attempts() >= MAX_ATTEMPTS) {
                LOG.log(Level.WARNING, "eager_async " + work.transformation() + " of " + work.assetId() + " dropped: " + e.getMessage());
                finish(work);
            }
            return false;
        } catch (RuntimeException e) {
            if (work.attempts() >= MAX_ATTEMPTS) {
                finish(work);
            }
            LOG.log(Level.WARNING, "eager_async " + work.transformation() + " of " + work.assetId() + " failed (attempt "
                    + work.attempts() + "): " + e.getMessage());
            return false;
        }
    }

    /** Removes the derivation; if it ends a batch to be notified, queues the notification in the same transaction. */
    private void finish(PendingDerivations.Pending work) {
        transactions.executeInTransaction(() -> pending.done(work).ifPresent(batch -> {
            Optional<ResourceView> resource = resources.byAssetIds(batch.cloud(), List.of(batch.assetId())).stream().findFirst();
            if (resource.isEmpty()) {
                return; // deleted meanwhile: its delete notification says so
            }
            List<Map.Entry<Transformation, Optional<DerivedResource>>> results = batch.transformations().stream()
                    .map(Transformation::parse)
                    .map(t -> Map.entry(t, derivations.stored(resource.get(), t))).toList();
            notifications.batchDone(resource.get(), batch.batchId(), batch.notificationUrl(), results);
        }));
    }
}
