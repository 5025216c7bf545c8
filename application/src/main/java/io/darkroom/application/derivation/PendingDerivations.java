package io.darkroom.application.derivation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Port: the stored queue of {@code eager_async} derivations, shared by every node. */
public interface PendingDerivations {
    /** One queued derivation; {@code attempts} counts claims including this one. */
    record Pending(long id, String cloud, String assetId, String transformation, String batchId, int attempts) {
    }

    void enqueue(String cloud, String assetId, List<String> transformations, String batchId);

    /** Claims the oldest due derivation for {@code lease} (no other node gets it meanwhile), or empty. */
    Optional<Pending> claim(Duration lease);

    void done(long id);

    /** Derivations waiting or in progress (for tests and metrics). */
    int count();
}
