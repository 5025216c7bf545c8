package io.darkroom.api.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code s3} media source for real: S3Proxy (an S3-compatible server, its own JVM, filesystem storage) holds an image
 * under a bucket folder; a Media Optimizer URL answers it resized, read with the source's stored (encrypted) keys. A key
 * the bucket lacks is a 404; wrong keys are a 502 naming the S3 error.
 */
class MediaOptimizerS3SourceTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int S3_PORT = freePort();
    private static Process s3proxy;

    @DynamicPropertySource
    static void s3Endpoint(DynamicPropertyRegistry registry) {
        registry.add("darkroom.media-optimizer.s3-endpoint", () -> "http://127.0.0.1:" + S3_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startS3() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "s3proxy-");
        Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + S3_PORT, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=s3-access", "s3proxy.credential=s3-secret", "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dir.resolve("data").toAbsolutePath()) + "\n");
        s3proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "s3proxy", "s3proxy.jar").toString(), "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", S3_PORT)) {
                break;
            } catch (java.io.IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + Files.readString(dir.resolve("s3proxy.log")));
                }
                Thread.sleep(100);
            }
        }
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:" + S3_PORT))
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("s3-access", "s3-secret"))).build()) {
            s3.createBucket(b -> b.bucket("media"));
            s3.putObject(b -> b.bucket("media").key("shop/bag.jpg"), RequestBody.fromBytes(TestImages.jpeg(320, 240, 5)));
        }
    }

    @AfterAll
    static void stopS3() {
        if (s3proxy != null) {
            s3proxy.destroyForcibly();
        }
    }

    private JsonNode api(String method, String path, Object body) throws Exception {
        HttpResponse<String> answer = send(method, "/v1/mo2-cloud" + path, "application/json", JSON.writeValueAsString(body), "mo2-key",
                "mo2-secret");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/mo/mo2-cloud.mo.localhost/" + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void an_s3_source_is_read_with_its_stored_keys() throws Exception {
        String domain = api("GET", "/domains", null).get(0).path("id").asText();
        String good = api("POST", "/media_sources", Map.of("display_name", "bucket", "uri_type", "s3", "config", Map.of(
                "s3_bucket_name", "media", "s3_bucket_folder", "shop", "s3_access_key", "s3-access", "s3_secret_key", "s3-secret")))
                .path("id").asText();
        String wrong = api("POST", "/media_sources", Map.of("display_name", "wrong keys", "uri_type", "s3", "config", Map.of(
                "s3_bucket_name", "media", "s3_bucket_folder", "shop", "s3_access_key", "s3-access", "s3_secret_key", "not-it")))
                .path("id").asText();
        String mo = "9468a72d37440570233dd41eeacc0b04";
        String profile = api("POST", "/delivery_profiles", Map.of("display_name", "s3", "path_prefix", "s3", "cname_id", domain,
                "mapping_function_id", mo, "media_source_ids", List.of(good))).path("id").asText();
        String wrongProfile = api("POST", "/delivery_profiles", Map.of("display_name", "s3 wrong", "path_prefix", "s3-wrong",
                "cname_id", domain, "mapping_function_id", mo, "media_source_ids", List.of(wrong))).path("id").asText();
        api("PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", true));
        api("PUT", "/delivery_profiles/" + wrongProfile, Map.of("is_enabled", true));

        HttpResponse<byte[]> answer = fetch("s3/bag.jpg?tx=w_80");
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        var image = ImageIO.read(new ByteArrayInputStream(answer.body()));
        assertThat(image.getWidth()).isEqualTo(80);
        assertThat(image.getHeight()).isEqualTo(60);

        assertError(fetch("s3/none.jpg?tx=w_80"), 404, "Media none.jpg not found in the profile's media sources");
        HttpResponse<byte[]> refused = fetch("s3-wrong/bag.jpg?tx=w_80");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.headers().firstValue("X-Cld-Error").orElse("")).contains("S3");
    }
}
