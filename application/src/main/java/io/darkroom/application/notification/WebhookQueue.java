package io.darkroom.application.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Port: the durable queue of outgoing webhooks, claimed by one node at a time under a lease. */
public interface WebhookQueue {
    /** A webhook as claimed: {@code leaseToken} must be shown to record its outcome. */
    record Webhook(String id, String cloud, String kind, String url, byte[] body, int attempts, String leaseToken) {
    }

    /** One attempt to send a webhook. */
    record Attempt(int attempt, Integer status, String error) {
    }

    /** Queues a webhook in the caller's transaction, due now. */
    void add(String id, String cloud, String kind, String url, byte[] body);

    /** Up to {@code max} due webhooks, oldest first, leased to the caller for {@code lease}. */
    List<Webhook> claim(Duration lease, int max);

    /**
     * Records an attempt ({@code status} null when the receiver was not reached) and the webhook's next state: delivered,
     * failed for good, or pending again after {@code retryIn}. False when the lease was lost (another node has it now).
     */
    boolean record(Webhook webhook, Integer status, String error, String nextState, Duration retryIn);

    /** The state of a webhook ({@code pending}, {@code delivered}, {@code failed}), for operators and tests. */
    Optional<String> state(String id);

    List<Attempt> attempts(String id);

    /** Webhooks waiting to be sent (a gauge). */
    long pending();
}
