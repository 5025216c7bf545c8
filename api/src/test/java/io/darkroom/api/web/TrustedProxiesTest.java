package io.darkroom.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomApplication;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Darkroom behind a reverse proxy on 127.0.0.1 (trusted): two clients behind it are told apart (one
 * locked out, the other served), the audit trail and the answer's URLs follow the forwarded client,
 * scheme and host. The same headers sent from an untrusted address (::1 here) change nothing.
 */
class TrustedProxiesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "Basic " + Base64.getEncoder().encodeToString("px-key:px-secret".getBytes(StandardCharsets.UTF_8));
    private static final String BAD = "Basic " + Base64.getEncoder().encodeToString("px-key:wrong".getBytes(StandardCharsets.UTF_8));

    private static HttpResponse<String> call(String base, String method, String path, String authorization, String body,
                                             String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clients_behind_a_trusted_proxy_are_told_apart_and_spoofed_headers_change_nothing() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "proxies-");
        try (ConfigurableApplicationContext darkroom = new SpringApplicationBuilder(DarkroomApplication.class).properties(
                "darkroom.data-dir=" + dataDir, "darkroom.clouds[0].url=cloudinary://px-key:px-secret@px-cloud",
                "darkroom.trusted-proxies=127.0.0.1/32, 10.0.0.0/8", "darkroom.auth.max-failures-per-minute=3").run("--server.port=0")) {
            int port = ((WebServerApplicationContext) darkroom).getWebServer().getPort();
            String viaProxy = "http://127.0.0.1:" + port;
            String direct = "http://[::1]:" + port;

            for (int i = 0; i < 4; i++) {
                call(viaProxy, "GET", "/v1_1/px-cloud/ping", BAD, null, "X-Forwarded-For", "203.0.113.5, 10.1.2.3");
            }
            assertThat(call(viaProxy, "GET", "/v1_1/px-cloud/ping", GOOD, null, "X-Forwarded-For", "203.0.113.5").statusCode())
                    .as("the client that failed is locked out").isEqualTo(429);
            assertThat(call(viaProxy, "GET", "/v1_1/px-cloud/ping", GOOD, null, "X-Forwarded-For", "203.0.113.6").statusCode())
                    .as("another client behind the same proxy is served").isEqualTo(200);
            assertThat(call(viaProxy, "GET", "/v1_1/px-cloud/ping", GOOD, null, "Forwarded", "for=\"[2001:db8::7]:4711\";proto=https")
                    .statusCode()).isEqualTo(200);

            long timestamp = System.currentTimeMillis() / 1000;
            String signature = io.darkroom.application.cloud.UploadSignature.digest("SHA-1",
                    "public_id=px/one&timestamp=" + timestamp + "px-secret");
            String upload = "file=" + URLEncoder.encode("data:image/png;base64," + Base64.getEncoder()
                    .encodeToString(TestImages.png(4, 4, 1)), StandardCharsets.UTF_8) + "&public_id=px/one&timestamp=" + timestamp
                    + "&api_key=px-key&signature=" + signature;
            HttpResponse<String> uploaded = call(viaProxy, "POST", "/v1_1/px-cloud/image/upload", GOOD, upload,
                    "X-Forwarded-For", "198.51.100.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "media.example.com");
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(uploaded.body());
            assertThat(answer.path("secure_url").asText()).startsWith("https://media.example.com/px-cloud/image/upload/");
            JsonNode audit = JSON.readTree(call(viaProxy, "GET", "/v1_1/px-cloud/audit", GOOD, null).body());
            assertThat(audit.path("entries").get(0).path("client_address").asText()).isEqualTo("198.51.100.9");

            HttpResponse<String> spoofed = call(direct, "POST", "/v1_1/px-cloud/resources/image/upload/px/one", GOOD, "tags=x",
                    "X-Forwarded-For", "198.51.100.77", "X-Forwarded-Host", "evil.example.com", "X-Forwarded-Proto", "https");
            assertThat(spoofed.statusCode()).as(spoofed.body()).isEqualTo(200);
            assertThat(spoofed.body()).doesNotContain("evil.example.com");
            JsonNode after = JSON.readTree(call(viaProxy, "GET", "/v1_1/px-cloud/audit", GOOD, null).body());
            assertThat(after.path("entries").get(0).path("client_address").asText()).as("the untrusted sender itself")
                    .isEqualTo("0:0:0:0:0:0:0:1");
            for (int i = 0; i < 4; i++) {
                call(direct, "GET", "/v1_1/px-cloud/ping", BAD, null, "X-Forwarded-For", "198.51.100." + i);
            }
            assertThat(call(direct, "GET", "/v1_1/px-cloud/ping", GOOD, null, "X-Forwarded-For", "198.51.100.200").statusCode())
                    .as("an untrusted sender cannot escape its lock-out by naming another client").isEqualTo(429);
        }
    }
}
