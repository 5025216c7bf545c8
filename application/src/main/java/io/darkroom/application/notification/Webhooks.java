package io.darkroom.application.notification;

import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.support.DarkroomException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends the queued webhooks: claimed under a lease up to {@value #BATCH} at a time and POSTed at once on the sender threads,
 * as JSON signed as Cloudinary signs webhooks
 * ({@code X-Cld-Timestamp}, {@code X-Cld-Signature} = hex sha1(body + timestamp + api_secret)), every attempt recorded.
 * A receiver that answers other than 2xx, or cannot be reached, is tried again after 1, 2, 4 ... seconds (at most 5
 * minutes apart, {@value #ATTEMPTS} attempts); a URL the address rules refuse fails at once, as trying again would not help.
 */
public class Webhooks {
    public static final int ATTEMPTS = 8;
    static final int BATCH = 16;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookQueue queue;
    private final WebhookSender sender;
    private final CloudDirectory clouds;
    private final Clock clock;
    private final Executor nudges;
    private final Executor senders;

    /**
     * {@code nudges} runs a drain soon after a webhook is queued (the schedule catches what a dropped nudge leaves);
     * {@code senders} send a claimed batch's webhooks side by side (a receiver's latency is not paid once per webhook).
     */
    public Webhooks(WebhookQueue queue, WebhookSender sender, CloudDirectory clouds, Clock clock, Executor nudges,
                    Executor senders) {
        this.senders = senders;
        this.queue = queue;
        this.sender = sender;
        this.clouds = clouds;
        this.clock = clock;
        this.nudges = nudges;
    }

    /** Asks for a drain soon (after the transaction that queued a webhook has committed). */
    public void nudge() {
        nudges.execute(() -> {
            try {
                drain();
            } catch (RuntimeException e) {
                // the schedule picks it up
            }
        });
    }

    /** Sends due webhooks until none is left; how many attempts it made. */
    public int drain() {
        int attempts = 0;
        for (List<WebhookQueue.Webhook> batch = queue.claim(LEASE, BATCH); !batch.isEmpty(); batch = queue.claim(LEASE, BATCH)) {
            CompletableFuture.allOf(batch.stream().map(webhook -> CompletableFuture.runAsync(() -> send(webhook), senders))
                    .toArray(CompletableFuture[]::new)).join();
            attempts += batch.size();
        }
        return attempts;
    }

    private void send(WebhookQueue.Webhook webhook) {
        Integer status = null;
        String error;
        boolean permanent = false;
        try {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            String secret = clouds.find(webhook.cloud()).orElseThrow(() -> DarkroomException.badRequest("cloud "
                    + webhook.cloud() + " is no longer served")).apiSecret();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Cld-Timestamp", timestamp);
            headers.put("X-Cld-Signature", signature(webhook.body(), timestamp, secret));
            status = sender.post(URI.create(webhook.url()), headers, webhook.body());
            if (status >= 200 && status < 300) {
                queue.record(webhook, status, null, "delivered", Duration.ZERO);
                return;
            }
            error = "the notification URL answered " + status;
        } catch (DarkroomException e) {
            error = e.getMessage();
            permanent = e.kind() == DarkroomException.Kind.BAD_REQUEST;
        } catch (RuntimeException e) {
            error = "the notification could not be sent: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        int attempt = webhook.attempts() + 1;
        if (permanent || attempt >= ATTEMPTS) {
            queue.record(webhook, status, error, "failed", Duration.ZERO);
        } else {
            queue.record(webhook, status, error, "pending", Duration.ofSeconds(Math.min(300, 1L << (attempt - 1))));
        }
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
