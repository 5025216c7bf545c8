package io.darkroom.application.optimizer.cache;

import java.time.Duration;
import java.util.Optional;

/** Port: the stored warm-ups, claimed by one node at a time under a lease. */
public interface WarmUpQueue {
    /** A warm-up as claimed: {@code leaseToken} must be shown to record its outcome. */
    record WarmUp(String batchId, String cloud, String url, String notificationUrl, String requestId, String state, int attempts,
                  String leaseToken, String deriveError) {
    }

    void add(String batchId, String cloud, String url, String notificationUrl, String requestId);

    /** The next due warm-up (deriving or notifying), leased to the caller for {@code lease}. */
    Optional<WarmUp> claim(Duration lease);

    /** Records the next state (due again after {@code retryIn}); false when the lease was lost (another node has it now). */
    boolean advance(WarmUp warmUp, String state, String error, Duration retryIn);



    /** The warm-up's state, attempts and last error, for operators and tests. */
    Optional<WarmUp> find(String batchId);
}
