package io.darkroom.api.optimizer;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media Optimizer delivery end to end: a local HTTP origin serves an image; a web media source, a custom mapping function
 * (template literals) and an enabled profile are created through the API; a Media Optimizer URL with {@code ?width=&height=}
 * answers the resized image (decoded here), is stored (the origin is not asked again), and after an invalidation is made
 * again (the origin's hit count rises). The same with a {@code cloudinary} source and the built-in Programmable Media
 * function; on the domain itself as well as in the {@code /mo/<domain>/} form; mapping errors are clear 400s.
 */
class MediaOptimizerDeliveryTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "mo-cloud.mo.localhost";
    private static final String RESIZE = """
            function map(request, environment) {
              let transformation = environment.defaultTransformation;
              if (request.query.width && request.query.height) {
                transformation += `w_${request.query.width},h_${request.query.height},c_limit/`;
              }
              let path = request.path;
              if (environment.pathPrefix.length > 0) {
                path = path.slice(`${environment.pathPrefix}/`.length);
              }
              if (path === 'boom.jpg') { throw new Error('no boom here'); }
              return { fwd_key: path, media_key: request.path, transformation, resource_type: 'image' };
            }""";

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private HttpServer origin;
    private final AtomicInteger originHits = new AtomicInteger();
    private final byte[] photo = photo();

    private static byte[] photo() {
        try {
            return io.darkroom.api.PhotoMetadata.photoWithPrivateMetadata(400, 300);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startOrigin() throws Exception {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/media/cat.jpg") && "darkroom".equals(exchange.getRequestHeaders().getFirst("X-Origin-Key"))) {
                originHits.incrementAndGet();
                exchange.sendResponseHeaders(200, photo.length);
                exchange.getResponseBody().write(photo);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        origin.start();
    }

    @AfterEach
    void stopOrigin() {
        origin.stop(0);
    }

    private JsonNode api(String method, String path, Object body) throws Exception {
        HttpResponse<String> answer = send(method, "/v1/mo-cloud" + path, "application/json", JSON.writeValueAsString(body), "mo-key",
                "mo-secret");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<byte[]> fetch(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/mo/" + DOMAIN + "/" + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage decoded(byte[] bytes) throws Exception {
        return TestImages.decoded(bytes);
    }

    @Test
    void a_web_source_and_a_custom_function_resize_store_and_rederive_after_invalidation() throws Exception {
        String domainId = api("GET", "/domains", null).get(0).path("id").asText();
        String source = api("POST", "/media_sources", Map.of("display_name", "origin", "uri_type", "web", "config", Map.of(
                "web_uri_base", "http://127.0.0.1:" + origin.getAddress().getPort() + "/media",
                "web_headers", Map.of("X-Origin-Key", "darkroom")))).path("id").asText();
        String function = api("POST", "/mapping_functions", Map.of("display_name", "resize", "code", RESIZE)).path("id").asText();
        String profile = api("POST", "/delivery_profiles", Map.of("display_name", "images", "path_prefix", "images", "cname_id", domainId,
                "mapping_function_id", function, "media_source_ids", java.util.List.of(source))).path("id").asText();
        assertError(fetch("images/cat.jpg?width=120&height=80"), 404,
                "No enabled delivery profile serves mo-cloud.mo.localhost/images/cat.jpg");
        api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", true));

        HttpResponse<byte[]> first = fetch("images/cat.jpg?width=120&height=80");
        assertThat(first.statusCode()).as(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "public");
        BufferedImage resized = decoded(first.body());
        assertThat(resized.getWidth()).isEqualTo(107);
        assertThat(resized.getHeight()).isEqualTo(80);
        assertThat(io.darkroom.api.PhotoMetadata.fieldsIn(first.body())).as("the origin's GPS, names, credits").isEmpty();
        assertThat(originHits.get()).isEqualTo(1);

        HttpResponse<byte[]> again = fetch("images/cat.jpg?width=120&height=80");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("X-Darkroom-Cache")).hasValue("hit");
        // a hit is answered before Spring's HTTP observation (the hot path's biggest cost of our making): counted, not timed
        String before = metrics();
        assertThat(fetch("images/cat.jpg?width=120&height=80").headers().firstValue("X-Darkroom-Cache")).hasValue("hit");
        String after = metrics();
        assertThat(sum(after, "darkroom_deliveries_total", "cache=\"hit\"") - sum(before, "darkroom_deliveries_total", "cache=\"hit\""))
                .isEqualTo(1.0);
        assertThat(sum(after, "http_server_requests_seconds_count", "") - sum(before, "http_server_requests_seconds_count", ""))
                .as("only the scrape in between was observed").isEqualTo(1.0);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/mo/" + DOMAIN + "/images/cat.jpg?width=120&height=80"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(304);
        assertThat(decoded(fetch("images/cat.jpg?width=60&height=60").body()).getWidth()).isEqualTo(60);
        assertThat(originHits.get()).as("a new variant fetches the original again").isEqualTo(2);

        String onDomain = rawGet("/images/cat.jpg?width=120&height=80", DOMAIN);
        assertThat(onDomain).startsWith("HTTP/1.1 200");
        assertThat(originHits.get()).as("the domain form reaches the same stored variant").isEqualTo(2);

        api("POST", "/invalidate_all_derived_resources", Map.of("urls", java.util.List.of(
                "https://" + DOMAIN + "/images/cat.jpg?width=120&height=80")));
        HttpResponse<byte[]> fresh = fetch("images/cat.jpg?width=120&height=80");
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("X-Darkroom-Cache")).isEmpty();
        assertThat(decoded(fresh.body()).getWidth()).isEqualTo(107);
        assertThat(originHits.get()).as("invalidated: derived again from the origin").isEqualTo(3);
        api("POST", "/invalidate_all_derived_resources", Map.of("media_resources", java.util.List.of(
                Map.of("media_key", "images/cat.jpg", "resource_type", "image"))));
        fetch("images/cat.jpg?width=60&height=60");
        assertThat(originHits.get()).isEqualTo(4);

        HttpResponse<byte[]> missing = fetch("images/none.jpg?width=10&height=10");
        assertError(missing, 404, "Media none.jpg not found in the profile's media sources");
        HttpResponse<byte[]> thrown = fetch("images/boom.jpg");
        assertError(thrown, 400, "Mapping function failed: the mapping function threw: Error: no boom here");
        assertThat(thrown.headers().firstValue("X-Cld-Error").orElse("")).contains("no boom here");
        HttpResponse<String> tooMany = send("POST", "/v1/mo-cloud/invalidate_all_derived_resources", "application/json",
                JSON.writeValueAsString(Map.of("urls", java.util.Collections.nCopies(21, "https://" + DOMAIN + "/images/a.jpg"))),
                "mo-key", "mo-secret");
        assertError(tooMany, 400, "At most 20 urls and 20 media_resources per call");
        assertThat(JSON.readTree(get("/v1_1/mo-cloud/audit?max_results=100", "mo-key", "mo-secret").body()).toString())
                .contains("OptimizedMediaInvalidated", "images/cat.jpg");
        api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", false));
    }

    @Test
    void a_cloudinary_source_with_the_programmable_media_function_serves_darkrooms_own_resources() throws Exception {
        Cloudinary cloudinary = new Cloudinary("cloudinary://mo-key:mo-secret@mo-cloud?upload_prefix=" + base());
        cloudinary.uploader().upload(TestImages.png(300, 200, 3), ObjectUtils.asMap("public_id", "pm/sample"));
        String domainId = api("GET", "/domains", null).get(0).path("id").asText();
        String source = api("POST", "/media_sources", Map.of("display_name", "own", "uri_type", "cloudinary",
                "config", Map.of("cld_cloud_name", "mo-cloud"))).path("id").asText();
        String profile = api("POST", "/delivery_profiles", Map.of("display_name", "pm", "path_prefix", "pm", "cname_id", domainId,
                "mapping_function_id", "63b432465f829b7fe342851bd1138447", "media_source_ids", java.util.List.of(source),
                "default_transformation", "f_png")).path("id").asText();
        api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", true));

        HttpResponse<byte[]> answer = fetch("pm/image/upload/w_50/v1/pm/sample.jpg");
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).as("the profile's default f_png applies").hasValue("image/png");
        BufferedImage image = decoded(answer.body());
        assertThat(image.getWidth()).isEqualTo(50);
        assertThat(image.getHeight()).isEqualTo(33);
        api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", false));
    }

    @Test
    void a_warm_up_derives_in_the_background_and_delivers_a_signed_webhook_retried_after_a_failure() throws Exception {
        java.util.List<String[]> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int call = calls.incrementAndGet();
            received.add(new String[] {body, exchange.getRequestHeaders().getFirst("X-Cld-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Cld-Signature")});
            exchange.sendResponseHeaders(call == 1 ? 500 : 200, -1);
            exchange.close();
        });
        listener.start();
        try {
            String domainId = api("GET", "/domains", null).get(0).path("id").asText();
            String source = api("POST", "/media_sources", Map.of("display_name", "origin", "uri_type", "web", "config", Map.of(
                    "web_uri_base", "http://127.0.0.1:" + origin.getAddress().getPort() + "/media",
                    "web_headers", Map.of("X-Origin-Key", "darkroom")))).path("id").asText();
            String profile = api("POST", "/delivery_profiles", Map.of("display_name", "warm", "path_prefix", "warm", "cname_id", domainId,
                    "mapping_function_id", "9468a72d37440570233dd41eeacc0b04", "media_source_ids", java.util.List.of(source))).path("id").asText();
            api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", true));

            String url = "https://" + DOMAIN + "/warm/cat.jpg?tx=w_40";
            String hook = "http://127.0.0.1:" + listener.getAddress().getPort() + "/hook";
            HttpResponse<String> answer = send("POST", "/v1/mo-cloud/warm_up", "application/x-www-form-urlencoded",
                    "url=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8) + "&notification_url="
                            + java.net.URLEncoder.encode(hook, StandardCharsets.UTF_8), "mo-key", "mo-secret");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode accepted = JSON.readTree(answer.body());
            assertThat(accepted.path("status").asText()).isEqualTo("processing");
            assertThat(accepted.path("url").asText()).isEqualTo(url);
            String batchId = accepted.path("batch_id").asText();
            assertThat(batchId).matches("[0-9a-f]{64}");

            long deadline = System.currentTimeMillis() + 30_000;
            while (calls.get() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(calls.get()).as("the first notification failed (500) and was sent again").isEqualTo(2);
            String[] delivered = received.get(1);
            JsonNode body = JSON.readTree(delivered[0]);
            assertThat(body.path("notification_type").asText()).isEqualTo("warm_up");
            assertThat(body.path("batch_id").asText()).isEqualTo(batchId);
            assertThat(body.path("url").asText()).isEqualTo(url);
            assertThat(body.path("request_id").asText()).isNotBlank();
            assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00");
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            sha1.update(delivered[0].getBytes(StandardCharsets.UTF_8));
            sha1.update((delivered[1] + "mo-secret").getBytes(StandardCharsets.UTF_8));
            assertThat(delivered[2]).as("X-Cld-Signature").isEqualTo(java.util.HexFormat.of().formatHex(sha1.digest()));

            int hits = originHits.get();
            HttpResponse<byte[]> warmed = fetch("warm/cat.jpg?tx=w_40");
            assertThat(decoded(warmed.body()).getWidth()).isEqualTo(40);
            assertThat(originHits.get()).as("the warm-up stored the variant: no origin fetch").isEqualTo(hits);
            assertThat(jdbc.queryForObject("SELECT state FROM mo_warm_up WHERE batch_id = ?", String.class, batchId)).isEqualTo("done");
            // the notification went through the one webhook queue, which recorded both attempts
            java.util.List<Map<String, Object>> attempts = jdbc.queryForList("SELECT a.status, a.error FROM webhook w"
                    + " JOIN webhook_attempt a ON a.webhook_id = w.id WHERE w.kind = 'warm_up'"
                    + " AND convert_from(w.body, 'UTF8')::jsonb ->> 'batch_id' = ? ORDER BY a.attempt", batchId);
            assertThat(attempts).extracting(a -> a.get("status")).containsExactly(500, 200);
            assertThat(attempts.get(0).get("error")).isEqualTo("the notification URL answered 500");

            HttpResponse<String> unserved = send("POST", "/v1/mo-cloud/warm_up", "application/json",
                    JSON.writeValueAsString(Map.of("url", "https://" + DOMAIN + "/nowhere/x.jpg")), "mo-key", "mo-secret");
            assertError(unserved, 404, "No enabled delivery profile serves mo-cloud.mo.localhost/nowhere/x.jpg");
            api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", false));
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void the_references_single_quoted_example_a_memory_bomb_and_a_gs_source_are_clear_errors_not_500s() throws Exception {
        String domainId = api("GET", "/domains", null).get(0).path("id").asText();
        String source = api("POST", "/media_sources", Map.of("display_name", "origin", "uri_type", "web", "config", Map.of(
                "web_uri_base", "http://127.0.0.1:" + origin.getAddress().getPort() + "/media",
                "web_headers", Map.of("X-Origin-Key", "darkroom")))).path("id").asText();
        String quoted = RESIZE.replace("`w_${request.query.width},h_${request.query.height},c_limit/`",
                "'w_${request.query.width},h_${request.query.height},c_limit/'");
        // a bomb only real requests set off (the sample call made when a function is saved does not reach it)
        String bomb = "function map(request, environment) { if (request.path.startsWith('bomb')) { const a = [];"
                + " while (true) { a.push('x'.repeat(100000)); } } return {fwd_key: 'cat.jpg', media_key: 'k', transformation: '',"
                + " resource_type: 'image'}; }";
        String gs = api("POST", "/media_sources", Map.of("display_name", "gcs", "uri_type", "gs", "config", Map.of(
                "gs_bucket_name", "b", "gs_service_account_key", "{\"type\":\"service_account\"}"))).path("id").asText();
        Map<String, String> prefixes = new java.util.LinkedHashMap<>();
        prefixes.put("quoted", api("POST", "/mapping_functions", Map.of("display_name", "quoted", "code", quoted)).path("id").asText());
        prefixes.put("bomb", api("POST", "/mapping_functions", Map.of("display_name", "bomb", "code", bomb)).path("id").asText());
        List<String> profiles = new java.util.ArrayList<>();
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            profiles.add(api("POST", "/delivery_profiles", Map.of("display_name", prefix.getKey(), "path_prefix", prefix.getKey(),
                    "cname_id", domainId, "mapping_function_id", prefix.getValue(), "media_source_ids", List.of(source))).path("id").asText());
        }
        profiles.add(api("POST", "/delivery_profiles", Map.of("display_name", "gs", "path_prefix", "gs", "cname_id", domainId,
                "mapping_function_id", "9468a72d37440570233dd41eeacc0b04", "media_source_ids", List.of(gs))).path("id").asText());
        for (String profile : profiles) {
            api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", true));
        }

        HttpResponse<byte[]> literal = fetch("quoted/cat.jpg?width=120&height=80");
        assertError(literal, 400,
                "Invalid transformation w_${request.query.width},h_${request.query.height},c_limit from the mapping function: Invalid transformation component 'w_${request.query.width},h_${request.query.height},c_limit': invalid width value ${request.query.width}");
        assertThat(literal.headers().firstValue("X-Cld-Error").orElse("")).contains("w_${request.query.width}");
        HttpResponse<byte[]> bombed = fetch("bomb/cat.jpg");
        assertError(bombed, 400,
                "Mapping function failed: the mapping function ran longer than 50 ms of CPU time and was stopped");
        assertThat(bombed.headers().firstValue("X-Cld-Error").orElse("")).containsAnyOf("ran longer", "exhausted", "threw");
        HttpResponse<byte[]> google = fetch("gs/cat.jpg");
        assertThat(google.statusCode()).isEqualTo(501);
        assertThat(google.headers().firstValue("X-Cld-Error").orElse("")).contains("gs");
        assertThat(get("/v1/mo-cloud/ping", "mo-key", "mo-secret").statusCode()).as("still serving").isEqualTo(200);
        for (String profile : profiles) {
            api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", false));
        }
    }

    /** One request on a chosen Host (the JDK client will not set Host): the status line and headers. */
    private String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private String metrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of a Prometheus text-format metric's samples whose labels contain {@code label}. */
    private static double sum(String metrics, String name, String label) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
