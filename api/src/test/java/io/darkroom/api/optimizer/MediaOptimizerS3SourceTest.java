package io.darkroom.api.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.S3Proxy;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static S3Proxy s3proxy;

    @DynamicPropertySource
    static void s3Endpoint(DynamicPropertyRegistry registry) throws Exception {
        s3proxy = S3Proxy.start();
        try (S3Client s3 = s3proxy.client()) {
            s3.createBucket(b -> b.bucket("media"));
            s3.putObject(b -> b.bucket("media").key("shop/bag.jpg"), RequestBody.fromBytes(TestImages.jpeg(320, 240, 5)));
        }
        registry.add("darkroom.media-optimizer.s3-endpoint", s3proxy::endpoint);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3proxy.stop();
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
