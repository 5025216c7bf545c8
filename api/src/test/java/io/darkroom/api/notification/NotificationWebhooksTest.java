package io.darkroom.api.notification;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import io.darkroom.application.cloud.CloudDirectory;
import io.darkroom.application.notification.WebhookQueue;
import io.darkroom.application.notification.Webhooks;
import io.darkroom.infrastructure.fetch.SafeUrlFetcher;
import io.darkroom.infrastructure.notification.JdbcWebhookQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload, rename and delete notifications reach a local listener, signed; failures are retried; no webhook is sent twice. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationWebhooksTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer listener;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();
    private Cloudinary cloudinary;
    @Autowired
    private JdbcWebhookQueue queue;
    @Autowired
    private CloudDirectory clouds;

    record Received(String path, JsonNode body, String rawBody, String timestamp, String signature) {
    }

    @BeforeAll
    void start() throws Exception {
        cloudinary = new Cloudinary("cloudinary://preset-key:preset-secret@preset-cloud?upload_prefix=http://localhost:" + port);
        // the port hook-cloud's default notification URL names (DarkroomIntegrationTest)
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 47914), 0);
        listener.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            AtomicInteger failures = failFirst.get(path);
            if (failures != null && failures.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String raw = new String(body, StandardCharsets.UTF_8);
            received.add(new Received(path, JSON.readTree(raw), raw, exchange.getRequestHeaders().getFirst("X-Cld-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Cld-Signature")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
    }

    @AfterAll
    void stop() {
        listener.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + path;
    }

    private List<Received> at(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> matching = received.stream().filter(r -> r.path().equals(path)).toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " notifications at " + path + ", got "
                + received.stream().filter(r -> r.path().equals(path)).count());
    }

    private Received firstOf(String path, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var found = received.stream().filter(r -> r.path().equals(path)
                    && r.body().get("notification_type").asText().equals(type)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type + " notification at " + path);
    }

    @Test
    void an_upload_rename_and_destroy_each_notify_signed() throws Exception {
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.png(12, 6, 1), ObjectUtils.asMap("public_id", "hook/one",
                "notification_url", url("/life")));
        Received upload = at("/life", 1).get(0);
        assertThat(upload.body().get("notification_type").asText()).isEqualTo("upload");
        assertThat(upload.body().get("public_id").asText()).isEqualTo("hook/one");
        assertThat(upload.body().get("asset_id").asText()).isEqualTo(uploaded.get("asset_id"));
        assertThat(upload.body().get("width").asInt()).isEqualTo(12);
        assertThat(upload.body().get("secure_url").asText()).isEqualTo(uploaded.get("secure_url"));
        assertThat(upload.signature()).isEqualTo(Webhooks.signature(upload.rawBody().getBytes(StandardCharsets.UTF_8),
                upload.timestamp(), "preset-secret"));
        cloudinary.uploader().rename("hook/one", "hook/two", ObjectUtils.asMap("notification_url", url("/life")));
        Received rename = at("/life", 2).get(1);
        assertThat(rename.body().get("notification_type").asText()).isEqualTo("rename");
        assertThat(rename.body().get("from_public_id").asText()).isEqualTo("hook/one");
        assertThat(rename.body().get("to_public_id").asText()).isEqualTo("hook/two");
        cloudinary.uploader().destroy("hook/two", ObjectUtils.asMap("notification_url", url("/life")));
        Received delete = at("/life", 3).get(2);
        assertThat(delete.body().get("notification_type").asText()).isEqualTo("delete");
        assertThat(delete.body().get("resources").get(0).get("public_id").asText()).isEqualTo("hook/two");
    }

    @Test
    void a_preset_notification_url_applies_to_its_unsigned_uploads() throws Exception {
        cloudinary.api().createUploadPreset(ObjectUtils.asMap("name", "hooked", "unsigned", true, "notification_url", url("/preset")));
        cloudinary.uploader().unsignedUpload(TestImages.png(5, 5, 2), "hooked", ObjectUtils.asMap("public_id", "hook/preset"));
        assertThat(at("/preset", 1).get(0).body().get("public_id").asText()).isEqualTo("hook/preset");
    }

    @Test
    void a_listener_that_fails_first_gets_the_notification_on_a_retry() throws Exception {
        failFirst.put("/flaky", new AtomicInteger(1));
        cloudinary.uploader().upload(TestImages.png(5, 5, 3), ObjectUtils.asMap("public_id", "hook/flaky",
                "notification_url", url("/flaky")));
        assertThat(at("/flaky", 1)).hasSize(1);
        assertThat(failFirst.get("/flaky").get()).isLessThan(0);
    }

    @Test
    void two_senders_draining_one_queue_send_each_webhook_once() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = String.format("%032x", i + 1000);
            ids.add(id);
            queue.add(id, "preset-cloud", "upload", url("/race"), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> drains = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            Webhooks sender = new Webhooks(queue, new SafeUrlFetcher(true, Duration.ofSeconds(5)), clouds, Clock.systemUTC(), Runnable::run,
                    Executors.newFixedThreadPool(4));
            drains.add(pool.submit(sender::drain));
        }
        for (Future<Integer> drain : drains) {
            drain.get();
        }
        pool.shutdown();
        List<Received> race = at("/race", 40);
        Thread.sleep(300);
        assertThat(received.stream().filter(r -> r.path().equals("/race")).map(r -> r.body().get("n").asInt()).toList())
                .hasSize(40).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(queue.state(id)).contains("delivered");
            assertThat(queue.attempts(id)).containsExactly(new WebhookQueue.Attempt(1, 200, null));
        }
        assertThat(race).hasSize(40);
    }

    @Test
    void an_eager_async_batch_is_notified_once_all_its_derivations_are_done() throws Exception {
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.png(80, 40, 5), ObjectUtils.asMap("public_id", "hook/eager",
                "eager", List.of(new com.cloudinary.Transformation().width(10).crop("scale"),
                        new com.cloudinary.Transformation().width(20).crop("scale")),
                "eager_async", true, "eager_notification_url", url("/eager")));
        String batchId = ((Map<?, ?>) ((List<?>) uploaded.get("eager")).get(0)).get("batch_id").toString();
        Received eager = at("/eager", 1).get(0);
        assertThat(eager.body().get("notification_type").asText()).isEqualTo("eager");
        assertThat(eager.body().get("batch_id").asText()).isEqualTo(batchId);
        assertThat(eager.body().get("public_id").asText()).isEqualTo("hook/eager");
        assertThat(eager.body().get("eager").get(0).get("transformation").asText()).isEqualTo("c_scale,w_10");
        assertThat(eager.body().get("eager").get(0).get("width").asInt()).isEqualTo(10);
        assertThat(eager.body().get("eager").get(1).get("height").asInt()).isEqualTo(10);
        assertThat(eager.signature()).isEqualTo(Webhooks.signature(eager.rawBody().getBytes(StandardCharsets.UTF_8),
                eager.timestamp(), "preset-secret"));
    }

    @Test
    void a_clouds_default_notification_url_hears_of_changes_made_through_any_api() throws Exception {
        Cloudinary hooked = new Cloudinary("cloudinary://hook-key:hook-secret@hook-cloud?upload_prefix=http://localhost:" + port);
        hooked.uploader().upload(TestImages.png(6, 6, 7), ObjectUtils.asMap("public_id", "hook/default"));
        assertThat(at("/default", 1).get(0).body().get("notification_type").asText()).isEqualTo("upload");
        hooked.api().deleteResources(List.of("hook/default"), ObjectUtils.emptyMap());
        Received delete = at("/default", 2).get(1);
        assertThat(delete.body().get("notification_type").asText()).isEqualTo("delete");
        assertThat(delete.body().get("resources").get(0).get("public_id").asText()).isEqualTo("hook/default");
        assertThat(delete.signature()).isEqualTo(Webhooks.signature(delete.rawBody().getBytes(StandardCharsets.UTF_8),
                delete.timestamp(), "hook-secret"));
    }

    @Test
    void a_move_to_another_folder_is_notified_with_both_folders() throws Exception {
        Cloudinary hooked = new Cloudinary("cloudinary://hook-key:hook-secret@hook-cloud?upload_prefix=http://localhost:" + port);
        Map<?, ?> uploaded = hooked.uploader().upload(TestImages.png(6, 6, 8), ObjectUtils.asMap("public_id", "hook/moving",
                "asset_folder", "before"));
        hooked.api().update("hook/moving", ObjectUtils.asMap("asset_folder", "after"));
        Received move = firstOf("/default", "move");
        var resource = move.body().get("resources").get(uploaded.get("asset_id").toString());
        assertThat(resource.get("from_asset_folder").asText()).isEqualTo("before");
        assertThat(resource.get("to_asset_folder").asText()).isEqualTo("after");
        assertThat(resource.get("public_id").asText()).isEqualTo("hook/moving");
    }
}
