package io.darkroom.application.derivation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Port: the stored queue of {@code eager_async} derivations, shared by every node. */
public interface PendingDerivations {
    /** One queued derivation; {@code attempts} counts claims including this one. */
    record Pending(long id, String cloud, String assetId, String transformation, String batchId, int attempts) {
    }

    /** A batch whose last derivation just finished, and where its completion is to be notified. */
    record FinishedBatch(String batchId, String cloud, String assetId, List<String> transformations, String notificationUrl) {
    }

    /** Queues the derivations; with a {@code notificationUrl} (may be null) the batch's completion is to be notified there. */
    void enqueue(String cloud, String assetId, List<String> transformations, String batchId, String notificationUrl);

    /** Claims the oldest due derivation for {@code lease} (no other node gets it meanwhile), or empty. */
    Optional<Pending> claim(Duration lease);

    /**
     * Removes a finished (or dropped) derivation; when it was the last of a batch to be notified, that batch (exactly once,
     * whichever node finishes last). Call it in a transaction with what is done about the batch.
     */
    Optional<FinishedBatch> done(Pending work);

    /** Derivations waiting or in progress (for tests and metrics). */
    int count();
}
