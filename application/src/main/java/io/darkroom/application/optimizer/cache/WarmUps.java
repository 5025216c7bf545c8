package io.darkroom.application.optimizer.cache;

import io.darkroom.application.notification.NotificationUrl;
import io.darkroom.application.notification.WebhookQueue;
import io.darkroom.application.notification.Webhooks;
import io.darkroom.application.optimizer.delivery.OptimizerDelivery;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.IdGenerator;
import org.axonframework.common.transaction.TransactionManager;


import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code warm_up}: answered at once with a batch id, the URL's media derived in the background by whichever node claims
 * it, then its notification to the request's {@code notification_url} or the cloud's handed to the one webhook queue
 * ({@link Webhooks}: signed, retried with backoff, every attempt recorded) in the transaction that finishes the warm-up. A
 * warm-up whose derivation fails is notified as well ({@code status: "failed"} and the reason), since waiting longer
 * would not help; a derivation that finds the engine busy is tried again ({@value #ATTEMPTS} attempts).
 */
public class WarmUps {
    static final int ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final WarmUpQueue queue;
    private final OptimizerInvalidation urls;
    private final OptimizerDelivery delivery;
    private final WebhookQueue webhookQueue;
    private final Webhooks webhooks;
    private final TransactionManager transactions;
    private final Function<String, String> notificationUrlOf;
    private final Clock clock;
    private final java.util.concurrent.Executor nudges;
    private final IdGenerator ids;

    /** {@code nudges} runs a drain soon after a warm-up is queued (it may drop a nudge while one is pending). */
    public WarmUps(WarmUpQueue queue, OptimizerInvalidation urls, OptimizerDelivery delivery, WebhookQueue webhookQueue,
                   Webhooks webhooks, TransactionManager transactions, Function<String, String> notificationUrlOf, Clock clock,
                   java.util.concurrent.Executor nudges, IdGenerator ids) {
        this.ids = ids;
        this.nudges = nudges;
        this.queue = queue;
        this.urls = urls;
        this.delivery = delivery;
        this.webhookQueue = webhookQueue;
        this.webhooks = webhooks;
        this.transactions = transactions;
        this.notificationUrlOf = notificationUrlOf;
        this.clock = clock;
    }

    /** Queues a warm-up; the answer the API gives at once. A URL no profile serves is a 400 or 404 now, not later. */
    public Map<String, Object> request(String cloud, String url, String notificationUrl, String requestId) {
        if (url == null || url.isBlank()) {
            throw DarkroomException.badRequest("Missing required parameter - url");
        }
        OptimizerInvalidation.Target target = urls.target(cloud, url);
        delivery.profileFor(target.domain(), target.request().path());
        String notify = notificationUrl != null && !notificationUrl.isBlank() ? notificationUrl : notificationUrlOf.apply(cloud);
        NotificationUrl.checked("notification_url", notify);
        String batchId = ids.hex32() + ids.hex32();
        queue.add(batchId, cloud, url, notify, requestId == null ? ids.hex32() : requestId.replace("-", ""));
        nudges.execute(() -> {
            try {
                drain();
            } catch (RuntimeException e) {
                // the schedule picks it up
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("url", url);
        answer.put("status", "processing");
        answer.put("batch_id", batchId);
        return answer;
    }

    /** Works through due warm-ups until none is left; how many it advanced. */
    public int drain() {
        int done = 0;
        for (Optional<WarmUpQueue.WarmUp> next = queue.claim(LEASE); next.isPresent(); next = queue.claim(LEASE)) {
            work(next.get());
            done++;
        }
        return done;
    }

    private void work(WarmUpQueue.WarmUp warmUp) {
        if (warmUp.state().equals("notifying")) {
            // left by a version that sent notifications itself: hand it to the webhook queue
            finish(warmUp, warmUp.deriveError());
            return;
        }
        String failure = null;
        try {
            OptimizerInvalidation.Target target = urls.target(warmUp.cloud(), warmUp.url());
            delivery.deliver(target.domain(), target.request(), null);
        } catch (DarkroomException e) {
            if (e.kind() == DarkroomException.Kind.UNAVAILABLE && warmUp.attempts() < ATTEMPTS) {
                queue.advance(warmUp, "deriving", e.getMessage(), Duration.ofSeconds(5));
                return;
            }
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        finish(warmUp, failure);
    }

    /** Ends the warm-up and queues its notification in one transaction: both, or (a lost lease) neither. */
    private void finish(WarmUpQueue.WarmUp warmUp, String failure) {
        String state = failure == null ? "done" : "failed";
        if (warmUp.notificationUrl() == null) {
            queue.advance(warmUp, state, failure, Duration.ZERO);
            return;
        }
        WarmUpQueue.WarmUp notified = new WarmUpQueue.WarmUp(warmUp.batchId(), warmUp.cloud(), warmUp.url(),
                warmUp.notificationUrl(), warmUp.requestId(), warmUp.state(), warmUp.attempts(), warmUp.leaseToken(), failure);
        boolean queued = transactions.fetchInTransaction(() -> {
            if (!queue.advance(warmUp, state, failure, Duration.ZERO)) {
                return false;
            }
            webhookQueue.add(ids.hex32(), warmUp.cloud(), "warm_up", warmUp.notificationUrl(), body(notified));
            return true;
        });
        if (queued) {
            webhooks.nudge();
        }
    }

    /** The notification as the reference shows it; a failed derivation adds {@code status} and {@code error}. */
    byte[] body(WarmUpQueue.WarmUp warmUp) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"notification_type\":\"warm_up\"");
        json.append(",\"timestamp\":").append(quoted(TIMESTAMP.format(clock.instant())));
        json.append(",\"request_id\":").append(quoted(warmUp.requestId()));
        json.append(",\"batch_id\":").append(quoted(warmUp.batchId()));
        json.append(",\"url\":").append(quoted(warmUp.url()));
        if (warmUp.deriveError() != null) {
            json.append(",\"status\":\"failed\",\"error\":{\"message\":").append(quoted(warmUp.deriveError())).append('}');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
