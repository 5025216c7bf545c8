package io.darkroom.application.optimizer.cache;

import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.notification.WebhookSender;
import io.darkroom.application.optimizer.delivery.OptimizerDelivery;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.IdGenerator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code warm_up}: answered at once with a batch id, the URL's media derived in the background by whichever node claims
 * it, then the notification POSTed to the request's {@code notification_url} or the cloud's, signed as Cloudinary signs
 * webhooks ({@code X-Cld-Timestamp}, {@code X-Cld-Signature} = hex sha1(body + timestamp + api_secret)). A failed
 * notification is retried with a growing delay ({@value #ATTEMPTS} attempts), every attempt recorded; a warm-up whose
 * derivation fails is notified as well ({@code status: "failed"} and the reason), since waiting longer would not help.
 */
public class WarmUps {
    static final int ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final WarmUpQueue queue;
    private final OptimizerInvalidation urls;
    private final OptimizerDelivery delivery;
    private final WebhookSender webhooks;
    private final CloudDirectory clouds;
    private final Function<String, String> notificationUrlOf;
    private final Clock clock;
    private final java.util.concurrent.Executor nudges;
    private final IdGenerator ids;

    /** {@code nudges} runs a drain soon after a warm-up is queued (it may drop a nudge while one is pending). */
    public WarmUps(WarmUpQueue queue, OptimizerInvalidation urls, OptimizerDelivery delivery, WebhookSender webhooks,
                   CloudDirectory clouds, Function<String, String> notificationUrlOf, Clock clock, java.util.concurrent.Executor nudges, IdGenerator ids) {
        this.ids = ids;
        this.nudges = nudges;
        this.queue = queue;
        this.urls = urls;
        this.delivery = delivery;
        this.webhooks = webhooks;
        this.clouds = clouds;
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
        if (notify != null && !notify.matches("(?i)https?://[^\\s]+")) {
            throw DarkroomException.badRequest("Invalid notification_url " + notify + ": an http or https URL");
        }
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
            notify(warmUp);
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
        if (warmUp.notificationUrl() == null) {
            queue.advance(warmUp, failure == null ? "done" : "failed", failure, Duration.ZERO);
            return;
        }
        if (queue.derived(warmUp, failure)) {
            notify(new WarmUpQueue.WarmUp(warmUp.batchId(), warmUp.cloud(), warmUp.url(), warmUp.notificationUrl(), warmUp.requestId(),
                    "notifying", 0, warmUp.leaseToken(), failure));
        }
    }

    private void notify(WarmUpQueue.WarmUp warmUp) {
        String error;
        try {
            byte[] body = body(warmUp);
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            String secret = clouds.find(warmUp.cloud()).orElseThrow(() -> new IllegalStateException("cloud " + warmUp.cloud()
                    + " is no longer served")).apiSecret();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Cld-Timestamp", timestamp);
            headers.put("X-Cld-Signature", signature(body, timestamp, secret));
            int status = webhooks.post(URI.create(warmUp.notificationUrl()), headers, body);
            if (status >= 200 && status < 300) {
                queue.advance(warmUp, "done", null, Duration.ZERO);
                return;
            }
            error = "the notification URL answered " + status;
        } catch (RuntimeException e) {
            error = "the notification could not be sent: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        int attempt = warmUp.attempts() + 1;
        if (attempt >= ATTEMPTS) {
            queue.advance(warmUp, "failed", error, Duration.ZERO);
        } else {
            queue.notifyFailed(warmUp, error, Duration.ofSeconds(Math.min(300, 1L << attempt)));
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

    /** hex(sha1(body + timestamp + api_secret)), as the SDKs verify notifications. */
    public static String signature(byte[] body, String timestamp, String apiSecret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(body);
            sha1.update((timestamp + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
