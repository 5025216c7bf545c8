package io.darkroom.api.resource.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Upload API over real HTTP: file sources, naming, overwrite, signatures and bad input. */
class UploadApiTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOUD = "test-cloud";
    private static final String KEY = "test-key";
    private static final String SECRET = "test-secret";

    private HttpResponse<String> upload(Map<String, String> params) throws Exception {
        return signedUpload(CLOUD, "image", KEY, SECRET, params);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String errorOf(HttpResponse<String> response) throws Exception {
        return json(response).path("error").path("message").asText();
    }

    @Test
    void uploads_a_data_uri_and_records_what_the_bytes_are() throws Exception {
        HttpResponse<String> response = upload(params("file", dataUri(TestImages.png(30, 20, 1), "image/png"),
                "public_id", "uploads/data-uri", "context", "k=v"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("format").asText()).isEqualTo("png");
        assertThat(body.path("width").asInt()).isEqualTo(30);
        assertThat(body.path("height").asInt()).isEqualTo(20);
        assertThat(body.path("context").path("custom").path("k").asText()).isEqualTo("v");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void the_event_records_who_and_from_where_but_never_the_secret() throws Exception {
        JsonNode body = json(upload(params("file", dataUri(TestImages.png(8, 8, 11), "image/png"), "public_id", "uploads/audited")));
        Map<String, Object> event = jdbc.queryForMap(
                "SELECT payload_type, payload_revision, convert_from(meta_data, 'UTF8') AS meta, convert_from(payload, 'UTF8') AS payload "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ?", body.path("asset_id").asText());
        assertThat(event.get("payload_type")).isEqualTo("io.darkroom.domain.resource.ResourceUploaded");
        assertThat(event.get("payload_revision")).isEqualTo("3");
        JsonNode meta = JSON.readTree(event.get("meta").toString());
        assertThat(meta.path("actor").asText()).isEqualTo(KEY);
        assertThat(meta.path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(meta.path("requestId").asText()).matches("[0-9a-f-]{36}");
        assertThat(event.get("meta").toString() + event.get("payload")).doesNotContain(SECRET);
        assertThat(event.get("payload").toString()).contains("uploads/audited").doesNotContain("base64");
    }

    @Test
    void accepts_sha256_signatures() throws Exception {
        Map<String, String> all = params("file", dataUri(TestImages.png(8, 8, 2), "image/png"), "public_id", "uploads/sha256",
                "timestamp", String.valueOf(Instant.now().getEpochSecond()), "api_key", KEY);
        all.put("signature", sign(all, SECRET, "SHA-256"));
        HttpResponse<String> response = send("POST", "/v1_1/test-cloud/image/upload", "application/x-www-form-urlencoded",
                form(all), null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("public_id").asText()).isEqualTo("uploads/sha256");
    }

    @Test
    void fetches_a_remote_url_from_a_local_listener() throws Exception {
        byte[] jpeg = TestImages.jpeg(50, 40, 3);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/photos/holiday.jpg", exchange -> {
            exchange.sendResponseHeaders(200, jpeg.length);
            exchange.getResponseBody().write(jpeg);
            exchange.close();
        });
        server.start();
        try {
            HttpResponse<String> response = upload(params("file",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/photos/holiday.jpg", "use_filename", "true",
                    "unique_filename", "false", "folder", "remote"));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.path("public_id").asText()).isEqualTo("holiday");
            assertThat(body.path("asset_folder").asText()).isEqualTo("remote");
            assertThat(body.path("original_filename").asText()).isEqualTo("holiday");
            assertThat(body.path("bytes").asInt()).isEqualTo(jpeg.length);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void generates_a_random_public_id_and_a_unique_suffix_for_file_names() throws Exception {
        JsonNode generated = json(upload(params("file", dataUri(TestImages.png(8, 8, 4), "image/png"))));
        assertThat(generated.path("public_id").asText()).matches("[a-z0-9]{20}");
        HttpResponse<String> named = signedUpload(CLOUD, "raw", KEY, SECRET, params("file",
                dataUri("a,b\n1,2\n".getBytes(), "text/csv"), "use_filename", "1"));
        assertThat(json(named).path("public_id").asText()).matches("file_[a-z0-9]{6}\\.csv");
    }

    @Test
    void overwrite_makes_a_new_version_of_the_same_asset() throws Exception {
        JsonNode first = json(upload(params("file", dataUri(TestImages.png(10, 10, 5), "image/png"),
                "public_id", "uploads/versioned", "tags", "one")));
        JsonNode second = json(upload(params("file", dataUri(TestImages.png(12, 12, 6), "image/png"),
                "public_id", "uploads/versioned")));
        assertThat(second.path("asset_id").asText()).isEqualTo(first.path("asset_id").asText());
        assertThat(second.path("version").asLong()).isGreaterThan(first.path("version").asLong());
        assertThat(second.path("width").asInt()).isEqualTo(12);
        assertThat(second.path("tags").get(0).asText()).isEqualTo("one");
        HttpResponse<String> details = get("/v1_1/test-cloud/resources/image/upload/uploads/versioned", KEY, SECRET);
        assertThat(json(details).path("version").asLong()).isEqualTo(second.path("version").asLong());
    }

    @Test
    void overwrite_false_answers_the_existing_resource_unchanged() throws Exception {
        JsonNode first = json(upload(params("file", dataUri(TestImages.png(10, 10, 7), "image/png"), "public_id", "uploads/kept")));
        HttpResponse<String> again = upload(params("file", dataUri(TestImages.png(20, 20, 8), "image/png"),
                "public_id", "uploads/kept", "overwrite", "false"));
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode body = json(again);
        assertThat(body.path("existing").asBoolean()).isTrue();
        assertThat(body.path("width").asInt()).isEqualTo(10);
        assertThat(body.path("version").asLong()).isEqualTo(first.path("version").asLong());
    }

    @Test
    void refuses_a_wrong_signature_a_stale_timestamp_and_a_missing_key() throws Exception {
        Map<String, String> forged = params("file", dataUri(TestImages.png(8, 8, 9), "image/png"), "public_id", "x",
                "timestamp", String.valueOf(Instant.now().getEpochSecond()), "api_key", KEY, "signature", "0".repeat(40));
        HttpResponse<String> bad = send("POST", "/v1_1/test-cloud/image/upload", "application/x-www-form-urlencoded", form(forged), null, null);
        assertError(bad, 401, "Invalid Signature " + "0".repeat(40) + ". String to sign - 'public_id=x&timestamp="
                + forged.get("timestamp") + "'.");

        long staleTime = Instant.now().minusSeconds(3700).getEpochSecond();
        HttpResponse<String> stale = upload(params("file", dataUri(TestImages.png(8, 8, 9), "image/png"),
                "timestamp", String.valueOf(staleTime)));
        assertError(stale, 401, "Stale request - reported time is " + staleTime + " which is more than 1 hour ago");

        HttpResponse<String> otherCloudsKey = signedUpload(CLOUD, "image", "other-key", "other-secret",
                params("file", dataUri(TestImages.png(8, 8, 9), "image/png")));
        assertError(otherCloudsKey, 401, "Invalid api_key other-key");

        HttpResponse<String> unknownCloud = signedUpload("nosuch-cloud", "image", KEY, SECRET,
                params("file", dataUri(TestImages.png(8, 8, 9), "image/png")));
        assertError(unknownCloud, 401, "Invalid cloud_name nosuch-cloud");

        HttpResponse<String> unsigned = send("POST", "/v1_1/test-cloud/image/upload", "application/x-www-form-urlencoded",
                form(params("file", "data:image/png;base64,AAAA")), null, null);
        assertError(unsigned, 400, "Upload preset must be specified when using unsigned upload");

        HttpResponse<String> keyWithoutSignature = send("POST", "/v1_1/test-cloud/image/upload", "application/x-www-form-urlencoded",
                form(params("file", "data:image/png;base64,AAAA", "api_key", KEY)), null, null);
        assertError(keyWithoutSignature, 401, "Missing required parameter - signature");
    }

    @Test
    void refuses_bad_input_with_a_json_error_and_records_nothing() throws Exception {
        HttpResponse<String> missingFile = upload(params("public_id", "uploads/nofile"));
        assertError(missingFile, 400, "Missing required parameter - file");
        assertThat(errorOf(missingFile)).isEqualTo("Missing required parameter - file");

        HttpResponse<String> notAnImage = upload(params("file", dataUri("plain text".getBytes(), "text/plain"),
                "public_id", "uploads/not-an-image"));
        assertError(notAnImage, 400, "Invalid image file");
        assertThat(errorOf(notAnImage)).isEqualTo("Invalid image file");
        assertError(get("/v1_1/test-cloud/resources/image/upload/uploads/not-an-image", KEY, SECRET), 404,
                "Resource not found - uploads/not-an-image");

        HttpResponse<String> truncated = upload(params("file", dataUri(java.util.Arrays.copyOf(TestImages.png(40, 40, 1), 60), "image/png"),
                "public_id", "uploads/truncated"));
        assertError(truncated, 400, "Invalid image file: it cannot be decoded");

        for (Map<String, String> bad : java.util.List.of(
                params("file", "data:image/png;base64,AAAA", "public_id", "a//b"),
                params("file", "data:image/png;base64,AAAA", "public_id", "x".repeat(300)),
                params("file", "data:image/png;base64,AAAA", "type", "facebook"),
                params("file", "data:image/png;base64,AAAA", "overwrite", "maybe"),
                params("file", "data:image/png;base64,AAAA", "moderation", "webpurify"),
                params("file", "data:image/png;base64,AAAA", "context", "novalue"),
                params("file", "data:image/png;base64,AAAA", "tags", "t".repeat(256)),
                params("file", "ftp://example.com/x.png"),
                params("file", "data:image/png;base64,@@@@"))) {
            HttpResponse<String> response = upload(bad);
            assertThat(response.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(errorOf(response)).as(bad.toString()).isNotBlank();
        }
        // not an Upload API resource type, so it is an (unknown) Admin API route, which needs Basic credentials first
        HttpResponse<String> unknownType = signedUpload(CLOUD, "pdf", KEY, SECRET, params("file", "data:image/png;base64,AAAA"));
        assertError(unknownType, 401,
                "Invalid credentials for cloud test-cloud: use HTTP Basic with the cloud's api_key and api_secret");
        assertThat(errorOf(unknownType)).isNotBlank();
    }

    @Test
    void refuses_to_fetch_from_a_private_address_when_not_allowed() {
        io.darkroom.infrastructure.fetch.SafeUrlFetcher guarded = new io.darkroom.infrastructure.fetch.SafeUrlFetcher(false,
                java.time.Duration.ofSeconds(2));
        for (String url : java.util.List.of("http://127.0.0.1:1/x", "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/x", "http://192.168.0.1/x", "http://localhost/x")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> guarded.fetch(java.net.URI.create(url),
                            java.nio.file.Files.createTempFile("f", ".x"), 100))
                    .as(url).hasMessageContaining("not allowed");
        }
    }
}
