package io.darkroom.application.derivation;

import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.transformation.Transformation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code eager_async}: the transformations are stored with the upload's answer and derived in the
 * background by whichever node claims them first, so a restart or a second node neither loses nor
 * doubles one. A derivation that fails on bad input is dropped (it would fail again); one that fails
 * for a passing reason (engine busy, database away) is retried when its lease runs out, up to
 * {@link #MAX_ATTEMPTS} times.
 */
public class EagerAsync {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(EagerAsync.class.getName());

    private final PendingDerivations pending;
    private final Derivations derivations;
    private final ResourceQueries resources;
    private final Duration lease;

    public EagerAsync(PendingDerivations pending, Derivations derivations, ResourceQueries resources, Duration lease) {
        this.pending = pending;
        this.derivations = derivations;
        this.resources = resources;
        this.lease = lease;
    }

    /** Queues {@code eager} for {@code resource}; the batch id the answer names. */
    public String enqueue(ResourceView resource, List<Transformation> eager) {
        String batchId = UUID.randomUUID().toString().replace("-", "");
        pending.enqueue(resource.cloud(), resource.assetId(), eager.stream().map(Transformation::canonical).toList(), batchId);
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
            pending.done(work.id());
            return resource.isPresent();
        } catch (DarkroomException e) {
            boolean passing = e.kind() == DarkroomException.Kind.UNAVAILABLE;
            if (!passing || work.attempts() >= MAX_ATTEMPTS) {
                LOG.log(Level.WARNING, "eager_async " + work.transformation() + " of " + work.assetId() + " dropped: " + e.getMessage());
                pending.done(work.id());
            }
            return false;
        } catch (RuntimeException e) {
            if (work.attempts() >= MAX_ATTEMPTS) {
                pending.done(work.id());
            }
            LOG.log(Level.WARNING, "eager_async " + work.transformation() + " of " + work.assetId() + " failed (attempt "
                    + work.attempts() + "): " + e.getMessage());
            return false;
        }
    }
}
