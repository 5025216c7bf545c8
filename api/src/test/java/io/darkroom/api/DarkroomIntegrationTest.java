package io.darkroom.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Base of the HTTP tests: one Darkroom on a random port with its own embedded PostgreSQL under
 * {@code target/}, shared by every test class that extends this (Spring caches the context).
 * Each test class uses its own cloud, so listings do not see other classes' uploads. Bytes go to {@code blobs/} under
 * the data directory, or with {@code -Ddarkroom.test.blob-store=s3} to a bucket ({@link TestBucket}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestClock.Config.class)
@TestPropertySource(properties = {
        "darkroom.data-dir=target/it-data/${random.uuid}",
        "darkroom.cloudinary-url=cloudinary://test-key:test-secret@test-cloud",
        "darkroom.clouds[0].url=cloudinary://sdk-key:sdk-secret@sdk-cloud",
        "darkroom.clouds[1].url=cloudinary://other-key:other-secret@other-cloud",
        "darkroom.clouds[2].url=cloudinary://limited-key:limited-secret@limited-cloud",
        "darkroom.clouds[2].hourly-limit=3",
        "darkroom.clouds[3].url=cloudinary://race-key:race-secret@race-cloud",
        "darkroom.clouds[4].url=cloudinary://replay-key:replay-secret@replay-cloud",
        "darkroom.clouds[5].url=cloudinary://manage-key:manage-secret@manage-cloud",
        "darkroom.clouds[6].url=cloudinary://bulk-key:bulk-secret@bulk-cloud",
        "darkroom.blob-sweep-interval=200ms",
        // every test client is 127.0.0.1, and many tests fail authentication on purpose
        "darkroom.auth.max-failures-per-minute=1000000",
        "darkroom.clouds[7].url=cloudinary://chunk-key:chunk-secret@chunk-cloud",
        "darkroom.clouds[8].url=cloudinary://edge-key:edge-secret@edge-cloud",
        "darkroom.clouds[9].url=cloudinary://tr-key:tr-secret@tr-cloud",
        "darkroom.clouds[10].url=cloudinary://dlv-key:dlv-secret@dlv-cloud",
        "darkroom.clouds[11].url=cloudinary://strict-key:strict-secret@strict-cloud",
        "darkroom.clouds[11].strict-transformations=true",
        "darkroom.clouds[12].url=cloudinary://usage-key:usage-secret@usage-cloud",
        // usage by folder here is by the public ids' paths
        "darkroom.clouds[12].folder-mode=fixed",
        "darkroom.clouds[12].plan.name=Plus",
        "darkroom.clouds[12].plan.storage-limit=1000000000",
        "darkroom.clouds[12].plan.credits-limit=225",
        "darkroom.clouds[13].url=cloudinary://mo-key:mo-secret@mo-cloud",
        "darkroom.clouds[13].media-optimizer-domains=media.example.test",
        "darkroom.clouds[14].url=cloudinary://mo2-key:mo2-secret@mo2-cloud",
        "darkroom.clouds[15].url=cloudinary://first-key:first-secret@first-cloud",
        // the SDKs' private_cdn form: this cloud is delivered on 127.0.0.1 (every other test reaches Darkroom as localhost)
        "darkroom.clouds[16].url=cloudinary://cdn-key:cdn-secret@cdn-cloud",
        "darkroom.clouds[16].delivery-host=127.0.0.1",
        "darkroom.clouds[17].url=cloudinary://preset-key:preset-secret@preset-cloud",
        // the browser test's page is served on this port, as allowed.localhost (allowed) and denied.localhost (not)
        "darkroom.clouds[18].url=cloudinary://cors-key:cors-secret@cors-cloud",
        "darkroom.clouds[18].allowed-origins=http://allowed.localhost:47913",
        "darkroom.clouds[19].url=cloudinary://plist-key:plist-secret@plist-cloud",
        // the notification test's listener is on this port
        "darkroom.clouds[20].url=cloudinary://hook-key:hook-secret@hook-cloud",
        "darkroom.clouds[20].notification-url=http://127.0.0.1:47914/default",
        "darkroom.clouds[21].url=cloudinary://folder-key:folder-secret@folder-cloud",
        "darkroom.clouds[22].url=cloudinary://fixed-key:fixed-secret@fixed-cloud",
        "darkroom.clouds[22].folder-mode=fixed",
        "darkroom.clouds[23].url=cloudinary://search-key:search-secret@search-cloud",
        "darkroom.clouds[24].url=cloudinary://fpage-key:fpage-secret@fpage-cloud",
        "darkroom.clouds[25].url=cloudinary://trash-key:trash-secret@trash-cloud",
        "darkroom.clouds[25].trash-retention=1h",
        "darkroom.clouds[26].url=cloudinary://notrash-key:notrash-secret@notrash-cloud",
        "darkroom.clouds[26].trash-retention=0",
        "darkroom.clouds[27].url=cloudinary://console-key:console-secret@console-cloud",
        // the console's operations page opens with it (the /ops endpoints of this shared context with it too)
        "darkroom.operator-token=console-operator-token",
        "darkroom.folder-move-interval=100ms",
        "darkroom.upload.max-file-size=30MB",
        "darkroom.upload.max-request-size=5500KB",
        "darkroom.upload.chunk-grace=4s",
        "darkroom.upload.allow-private-addresses=true"
})
public abstract class DarkroomIntegrationTest {
    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    /** {@code -Ddarkroom.test.blob-store=s3}: the bytes go to a bucket (see {@link TestBucket}). */
    @DynamicPropertySource
    static void blobStore(DynamicPropertyRegistry registry) throws Exception {
        if (TestBucket.wanted()) {
            TestBucket.register(registry);
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** The answer is the API's error: {@code status} and {@code {"error":{"message": message}}}. */
    protected static void assertError(HttpResponse<?> response, int status, String message) throws Exception {
        String body = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(response.body());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(body).isEqualTo(status);
        String actual = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("error").path("message").asText();
        org.assertj.core.api.Assertions.assertThat(actual).isEqualTo(message);
    }

    protected HttpResponse<String> get(String path, String key, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (key != null) {
            request.header("Authorization", basic(key, secret));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> send(String method, String path, String contentType, String body, String key,
                                        String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", basic(key, secret));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed, form-encoded Upload API call (file as a data URI or URL), signed with SHA-1. */
    protected HttpResponse<String> signedUpload(String cloud, String resourceType, String key, String secret,
                                                Map<String, String> params) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        all.put("api_key", key);
        all.put("signature", sign(all, secret, "SHA-1"));
        return send("POST", "/v1_1/" + cloud + "/" + resourceType + "/upload", "application/x-www-form-urlencoded",
                form(all), null, null);
    }

    /**
     * A signed multipart Upload API call with {@code bytes} as the file part (as the SDKs send it),
     * plus any extra headers ({@code Content-Range}, {@code X-Unique-Upload-Id}).
     */
    protected HttpResponse<String> signedMultipart(String cloud, String resourceType, String key, String secret,
                                                   Map<String, String> params, byte[] bytes, String filename,
                                                   Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        all.put("api_key", key);
        all.put("signature", sign(all, secret, "SHA-1"));
        String boundary = "----darkroom" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/v1_1/" + cloud + "/" + resourceType + "/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static String sign(Map<String, String> params, String secret, String algorithm) {
        Map<String, List<String>> lists = params.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()), (a, b) -> a, LinkedHashMap::new));
        return io.darkroom.application.cloud.UploadSignature.sign(lists, secret, algorithm);
    }

    protected static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    protected static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    protected static String dataUri(byte[] bytes, String mime) {
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
