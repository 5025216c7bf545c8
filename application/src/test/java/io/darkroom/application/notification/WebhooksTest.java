package io.darkroom.application.notification;

import io.darkroom.application.cloud.Cloud;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.support.DarkroomException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What becomes of a webhook after each kind of attempt (the queue's SQL is exercised over HTTP in the api's tests). */
class WebhooksTest {
    /** One webhook; records what the sender made of it. */
    static class OneWebhook implements WebhookQueue {
        Webhook webhook = new Webhook("w1", "demo", "upload", "http://10.0.0.1/hook", "{}".getBytes(), 0, "lease");
        boolean claimed;
        final List<String> outcomes = new ArrayList<>();
        Duration retryIn;

        @Override
        public void add(String id, String cloud, String kind, String url, byte[] body) {
        }

        @Override
        public List<Webhook> claim(Duration lease, int max) {
            if (claimed) {
                return List.of();
            }
            claimed = true;
            return List.of(webhook);
        }

        @Override
        public boolean record(Webhook webhook, Integer status, String error, String nextState, Duration retryIn) {
            outcomes.add(nextState + " " + status + " " + error);
            this.retryIn = retryIn;
            return true;
        }

        @Override
        public Optional<String> state(String id) {
            return Optional.empty();
        }

        @Override
        public List<Attempt> attempts(String id) {
            return List.of();
        }

        @Override
        public long pending() {
            return 0;
        }
    }

    private static final CloudDirectory CLOUDS = name -> Optional.of(new Cloud(name, "key", "secret", 0));

    private static OneWebhook sentWith(WebhookSender sender) {
        OneWebhook queue = new OneWebhook();
        new Webhooks(queue, sender, CLOUDS, Clock.systemUTC(), Runnable::run, Runnable::run).drain();
        return queue;
    }

    @Test
    void a_2xx_answer_delivers_it() {
        assertThat(sentWith((url, headers, body) -> 204).outcomes).containsExactly("delivered 204 null");
    }

    @Test
    void another_answer_is_tried_again_after_a_second() {
        OneWebhook queue = sentWith((url, headers, body) -> 503);
        assertThat(queue.outcomes).containsExactly("pending 503 the notification URL answered 503");
        assertThat(queue.retryIn).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void an_address_the_rules_refuse_fails_at_once() {
        OneWebhook queue = sentWith((url, headers, body) -> {
            throw DarkroomException.badRequest("Reaching 10.0.0.1 is not allowed: it is not a public address");
        });
        assertThat(queue.outcomes).containsExactly("failed null Reaching 10.0.0.1 is not allowed: it is not a public address");
    }

    @Test
    void the_last_attempt_that_fails_gives_up() {
        OneWebhook queue = new OneWebhook();
        queue.webhook = new WebhookQueue.Webhook("w1", "demo", "upload", "http://x/", "{}".getBytes(), Webhooks.ATTEMPTS - 1, "lease");
        new Webhooks(queue, (url, headers, body) -> 500, CLOUDS, Clock.systemUTC(), Runnable::run, Runnable::run).drain();
        assertThat(queue.outcomes).containsExactly("failed 500 the notification URL answered 500");
    }
}
