package io.darkroom.api.resource.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Admin API over real HTTP: authentication, rate limits, cursors, parameters and error shapes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "test-key";
    private static final String SECRET = "test-secret";

    @BeforeAll
    void seed() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = signedUpload("test-cloud", "image", KEY, SECRET, Map.of(
                    "file", dataUri(TestImages.png(10, 10, i), "image/png"), "public_id", "admin/item" + i, "tags", "admin"));
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json(response).path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void refuses_missing_wrong_and_foreign_credentials() throws Exception {
        assertError(get("/v1_1/test-cloud/resources/image", null, null), 401);
        assertError(get("/v1_1/test-cloud/resources/image", KEY, "wrong-secret"), 401);
        assertError(get("/v1_1/test-cloud/resources/image", "other-key", "other-secret"), 401);
        assertError(get("/v1_1/no-such-cloud/resources/image", KEY, SECRET), 401);
        HttpResponse<String> bearer = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/v1_1/test-cloud/ping"))
                .header("Authorization", "Bearer abc").build(), HttpResponse.BodyHandlers.ofString());
        assertError(bearer, 401);
    }

    @Test
    void a_key_reaches_only_its_own_cloud() throws Exception {
        HttpResponse<String> own = get("/v1_1/other-cloud/resources/image/upload?prefix=admin/", "other-key", "other-secret");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).path("resources").size()).isZero();
    }

    @Test
    void pages_through_a_listing_with_cursors_and_refuses_forged_or_foreign_ones() throws Exception {
        List<String> seen = new ArrayList<>();
        String path = "/v1_1/test-cloud/resources/image/upload?prefix=admin/&max_results=2";
        JsonNode page = json(get(path, KEY, SECRET));
        String cursor = page.path("next_cursor").asText();
        page.path("resources").forEach(r -> seen.add(r.path("public_id").asText()));
        while (!cursor.isEmpty()) {
            page = json(get(path + "&next_cursor=" + cursor, KEY, SECRET));
            page.path("resources").forEach(r -> seen.add(r.path("public_id").asText()));
            String next = page.path("next_cursor").asText();
            if (!next.isEmpty()) {
                assertError(get("/v1_1/test-cloud/resources/image/upload?prefix=other&next_cursor=" + next, KEY, SECRET), 400);
                assertError(get("/v1_1/test-cloud/resources/image/tags/admin?next_cursor=" + next, KEY, SECRET), 400);
                assertError(get("/v1_1/other-cloud/resources/image/upload?prefix=admin/&next_cursor=" + next, "other-key", "other-secret"), 400);
                char last = next.charAt(next.length() - 1);
                assertError(get(path + "&next_cursor=" + next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A'), KEY, SECRET), 400);
            }
            cursor = next;
        }
        assertThat(seen).containsExactly("admin/item0", "admin/item1", "admin/item2", "admin/item3", "admin/item4");
        assertError(get(path + "&next_cursor=garbage!!", KEY, SECRET), 400);
    }

    @Test
    void start_at_lists_only_newer_resources_in_rfc1123_or_iso() throws Exception {
        String future = ZonedDateTime.now().plusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        JsonNode none = json(get("/v1_1/test-cloud/resources/image?start_at=" + java.net.URLEncoder.encode(future, "UTF-8"), KEY, SECRET));
        assertThat(none.path("resources").size()).isZero();
        JsonNode all = json(get("/v1_1/test-cloud/resources/image?max_results=500&start_at=2000-01-01T00:00:00Z", KEY, SECRET));
        assertThat(all.path("resources").size()).isGreaterThanOrEqualTo(5);
        JsonNode ascending = json(get("/v1_1/test-cloud/resources/image/tags/admin?direction=asc", KEY, SECRET));
        assertThat(ascending.path("resources").get(0).path("public_id").asText()).isEqualTo("admin/item0");
        JsonNode descending = json(get("/v1_1/test-cloud/resources/image/tags/admin?direction=-1", KEY, SECRET));
        assertThat(descending.path("resources").get(0).path("public_id").asText()).isEqualTo("admin/item4");
    }

    @Test
    void refuses_invalid_parameters_with_400() throws Exception {
        for (String path : List.of(
                "/v1_1/test-cloud/resources/image?max_results=501",
                "/v1_1/test-cloud/resources/image?max_results=0",
                "/v1_1/test-cloud/resources/image?max_results=ten",
                "/v1_1/test-cloud/resources/image?direction=sideways",
                "/v1_1/test-cloud/resources/image?start_at=yesterday",
                "/v1_1/test-cloud/resources/image?tags=perhaps",
                "/v1_1/test-cloud/resources/image?prefix=a&start_at=2020-01-01T00:00:00Z",
                "/v1_1/test-cloud/resources/image/upload?public_ids=" + "x,".repeat(101),
                "/v1_1/test-cloud/resources/image/facebook",
                "/v1_1/test-cloud/resources/pdf",
                "/v1_1/test-cloud/resources/image/moderations/manual/maybe",
                "/v1_1/test-cloud/resources/image/upload/admin/item0?max_results=101",
                "/v1_1/test-cloud/tags/image?max_results=1000")) {
            assertError(get(path, KEY, SECRET), 400);
        }
    }

    @Test
    void unknown_routes_wrong_methods_and_bad_bodies_get_json_errors() throws Exception {
        assertError(get("/v1_1/test-cloud/no/such/route", KEY, SECRET), 404);
        assertError(get("/v1_1/test-cloud/resources/image/upload/admin/missing", KEY, SECRET), 404);
        assertError(send("PATCH", "/v1_1/test-cloud/ping", null, "", KEY, SECRET), 404);
        assertError(send("GET", "/v1_1/test-cloud/resources/image", "application/json", "{not json", KEY, SECRET), 400);
        assertError(send("GET", "/v1_1/test-cloud/resources/image", "application/json", "[1,2]", KEY, SECRET), 400);
        assertError(get("/nothing/here", null, null), 404);
        assertError(send("POST", "/v1_1/test-cloud/image/upload", "multipart/form-data; boundary=x", "--x\r\nbroken", null, null), 400);
    }

    @Test
    void a_malformed_url_rejected_by_the_container_still_gets_a_json_error() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write("GET /v1_1/test-cloud/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json").contains("{\"error\":{\"message\":")
                    .doesNotContain("<html");
        }
    }

    @Test
    void details_accept_slashes_raw_or_encoded() throws Exception {
        JsonNode raw = json(get("/v1_1/test-cloud/resources/image/upload/admin/item1", KEY, SECRET));
        JsonNode encoded = json(get("/v1_1/test-cloud/resources/image/upload/admin%2Fitem1", KEY, SECRET));
        assertThat(raw.path("asset_id").asText()).isNotEmpty().isEqualTo(encoded.path("asset_id").asText());
    }

    @Test
    void every_admin_response_carries_rate_limit_headers_and_the_allowance_is_enforced() throws Exception {
        HttpResponse<String> first = get("/v1_1/limited-cloud/ping", "limited-key", "limited-secret");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-FeatureRateLimit-Limit")).hasValue("3");
        assertThat(first.headers().firstValue("X-FeatureRateLimit-Remaining")).hasValue("2");
        String reset = first.headers().firstValue("X-FeatureRateLimit-Reset").orElseThrow();
        assertThat(ZonedDateTime.parse(reset, DateTimeFormatter.RFC_1123_DATE_TIME).getMinute()).isZero();
        assertThat(get("/v1_1/limited-cloud/ping", "limited-key", "limited-secret").statusCode()).isEqualTo(200);
        HttpResponse<String> third = get("/v1_1/limited-cloud/resources/image", "limited-key", "limited-secret");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.headers().firstValue("X-FeatureRateLimit-Remaining")).hasValue("0");
        HttpResponse<String> fourth = get("/v1_1/limited-cloud/ping", "limited-key", "limited-secret");
        assertError(fourth, 420);
        assertThat(json(fourth).path("error").path("message").asText())
                .startsWith("Rate Limit Exceeded. Limit of 3 api operations reached. Try again on ");
        HttpResponse<String> uploadStillWorks = signedUpload("limited-cloud", "image", "limited-key", "limited-secret",
                Map.of("file", dataUri(TestImages.png(5, 5, 1), "image/png")));
        assertThat(uploadStillWorks.statusCode()).isEqualTo(200);
        assertThat(uploadStillWorks.headers().firstValue("X-FeatureRateLimit-Limit")).isEmpty();
    }

    @Test
    void health_and_prometheus_are_open_and_show_http_and_axon_metrics() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asText()).isEqualTo("UP");
        String metrics = get("/actuator/prometheus", null, null).body();
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("commandBus_successCounter_total")
                .contains("resource_listing_processedCounter_total").contains("audit_processedCounter_total")
                .contains("darkroom_snapshots_skipped_total").contains("executor_queued_tasks{application=\"darkroom\",name=\"snapshotter\"}");
    }
}
