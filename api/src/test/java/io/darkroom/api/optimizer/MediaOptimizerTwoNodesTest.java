package io.darkroom.api.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.darkroom.api.DarkroomApplication;
import io.darkroom.api.TestImages;
import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL: warm-ups queued on either node, and on a node that stops before it works any, are each
 * derived and notified exactly once; an invalidation made on one node stops the other from serving its cached answer.
 */
class MediaOptimizerTwoNodesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("two-key:two-secret".getBytes(StandardCharsets.UTF_8));
    private static final String DOMAIN = "two-cloud.mo.localhost";

    private static ConfigurableApplicationContext node(EmbeddedPostgresServer database, Path dataDir, String warmUpInterval) {
        return new SpringApplicationBuilder(DarkroomApplication.class).properties(
                "darkroom.data-dir=" + dataDir, "darkroom.clouds[0].url=cloudinary://two-key:two-secret@two-cloud",
                "spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=postgres",
                "spring.datasource.password=unused", "darkroom.delivery-cache.sync-interval=200ms",
                "darkroom.upload.allow-private-addresses=true", "darkroom.default-hourly-limit=0",
                "darkroom.media-optimizer.warm-up-interval=" + warmUpInterval,
                "darkroom.media-optimizer.warm-up-at-once=" + !warmUpInterval.equals("1h")).run("--server.port=0");
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static JsonNode api(ConfigurableApplicationContext node, String method, String path, String contentType, String body)
            throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base(node) + "/v1/two-cloud" + path))
                .header("Authorization", AUTH).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String warmUp(ConfigurableApplicationContext node, String url, String hook) throws Exception {
        return api(node, "POST", "/warm_up", "application/x-www-form-urlencoded", "url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                + "&notification_url=" + URLEncoder.encode(hook, StandardCharsets.UTF_8)).path("batch_id").asText();
    }

    @Test
    void warm_ups_are_never_lost_or_doubled_and_invalidations_reach_every_node() throws Exception {
        AtomicInteger originHits = new AtomicInteger();
        byte[] photo = TestImages.jpeg(200, 150, 4);
        HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", exchange -> {
            originHits.incrementAndGet();
            exchange.sendResponseHeaders(200, photo.length);
            exchange.getResponseBody().write(photo);
            exchange.close();
        });
        Map<String, Integer> notified = new ConcurrentHashMap<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/hook", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            notified.merge(body.path("batch_id").asText(), 1, Integer::sum);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        origin.start();
        listener.start();
        Path databaseDir = Files.createTempDirectory(Path.of("target"), "mo-two-pg-");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "mo-two-data-");
        String hook = "http://127.0.0.1:" + listener.getAddress().getPort() + "/hook";
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(databaseDir.toAbsolutePath())) {
            List<String> batches = new ArrayList<>();
            try (ConfigurableApplicationContext idle = node(database, dataDir, "1h")) {
                String domain = api(idle, "GET", "/domains", "application/json", "").get(0).path("id").asText();
                String source = api(idle, "POST", "/media_sources", "application/json", "{\"display_name\":\"o\",\"uri_type\":\"web\","
                        + "\"config\":{\"web_uri_base\":\"http://127.0.0.1:" + origin.getAddress().getPort() + "\"}}").path("id").asText();
                String profile = api(idle, "POST", "/delivery_profiles", "application/json", "{\"display_name\":\"p\",\"cname_id\":\""
                        + domain + "\",\"mapping_function_id\":\"9468a72d37440570233dd41eeacc0b04\",\"media_source_ids\":[\"" + source
                        + "\"]}").path("id").asText();
                api(idle, "PUT", "/delivery_profiles/" + profile, "application/json", "{\"is_enabled\":true}");
                for (int i = 0; i < 3; i++) {
                    batches.add(warmUp(idle, "https://" + DOMAIN + "/left/" + i + ".jpg?tx=w_20", hook));
                }
            }
            assertThat(notified).as("the node that queued them stopped before its first run").isEmpty();
            try (ConfigurableApplicationContext a = node(database, dataDir, "100ms");
                 ConfigurableApplicationContext b = node(database, dataDir, "100ms")) {
                for (int i = 0; i < 10; i++) {
                    batches.add(warmUp(i % 2 == 0 ? a : b, "https://" + DOMAIN + "/both/" + i + ".jpg?tx=w_30", hook));
                }
                long deadline = System.currentTimeMillis() + 60_000;
                while (notified.size() < batches.size() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(1_000);
                assertThat(notified.keySet()).containsExactlyInAnyOrderElementsOf(batches);
                assertThat(new HashMap<>(notified).values()).as("each warm-up notified exactly once").containsOnly(1);
                assertThat(originHits.get()).as("each warmed media derived once").isEqualTo(batches.size());

                String url = "/mo/" + DOMAIN + "/both/0.jpg?tx=w_30";
                for (ConfigurableApplicationContext node : List.of(a, b)) {
                    HTTP.send(HttpRequest.newBuilder(URI.create(base(node) + url)).build(), HttpResponse.BodyHandlers.discarding());
                    HttpResponse<byte[]> cached = HTTP.send(HttpRequest.newBuilder(URI.create(base(node) + url)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(cached.headers().firstValue("X-Darkroom-Cache")).hasValue("hit");
                }
                int before = originHits.get();
                api(a, "POST", "/invalidate_all_derived_resources", "application/json",
                        "{\"media_resources\":[{\"media_key\":\"both/0.jpg\",\"resource_type\":\"image\"}]}");
                Thread.sleep(1_000);
                HttpResponse<byte[]> onB = HTTP.send(HttpRequest.newBuilder(URI.create(base(b) + url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(onB.statusCode()).isEqualTo(200);
                assertThat(onB.headers().firstValue("X-Darkroom-Cache")).as("node b dropped its cached answer").isEmpty();
                assertThat(originHits.get()).as("derived again from the origin").isEqualTo(before + 1);
            }
        } finally {
            origin.stop(0);
            listener.stop(0);
        }
    }
}
