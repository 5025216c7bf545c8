package io.darkroom.api.blob;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.S3Proxy;
import io.darkroom.api.TestBucket;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Darkroom with its bytes in a bucket of a real S3-compatible server (S3Proxy, its own process): uploads through the
 * official SDK delivered byte-identical, derived images, byte ranges of a large original, a chunked upload whose parts
 * arrive last first, deletes that empty the bucket, and an outage: uploads answer a JSON 503 and record nothing, cached
 * deliveries go on, the health shows the store down, and everything works again once the store is back, without a restart.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BlobStoreOnS3Test extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PART = 5_000_000;
    private static S3Proxy s3proxy;
    private static String bucket;

    /** A server of its own (stopped for the outage), or, when the whole suite runs on a bucket, the suite's. */
    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) throws Exception {
        // parts of 6 MiB, which the bucket composes
        registry.add("darkroom.upload.max-request-size", () -> "8MB");
        if (TestBucket.wanted()) {
            s3proxy = TestBucket.shared();
            bucket = TestBucket.BUCKET;
            return;
        }
        s3proxy = S3Proxy.start();
        bucket = "on-s3";
        s3proxy.createBucket(bucket);
        TestBucket.register(registry, s3proxy, bucket);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (!TestBucket.wanted()) {
            s3proxy.stop();
        }
    }

    private Cloudinary sdk() {
        return new Cloudinary("cloudinary://sdk-key:sdk-secret@sdk-cloud?upload_prefix=" + base());
    }

    private static List<String> objects() {
        try (S3Client s3 = s3proxy.client()) {
            return s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream().map(S3Object::key).toList();
        }
    }

    private static HttpResponse<byte[]> fetch(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /** Sends {@code file} as a chunked upload, its parts (byte ranges) in the order given; answers the last answer. */
    private JsonNode chunked(byte[] file, String publicId, int[][] parts) throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> last = null;
        for (int[] range : parts) {
            String total = range[1] == file.length ? String.valueOf(file.length) : "-1";
            last = signedMultipart("sdk-cloud", "raw", "sdk-key", "sdk-secret", Map.of("public_id", publicId),
                    Arrays.copyOfRange(file, range[0], range[1]), "chunked.bin",
                    Map.of("X-Unique-Upload-Id", id, "Content-Range", "bytes " + range[0] + "-" + (range[1] - 1) + "/" + total));
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        }
        return JSON.readTree(last.body());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void an_sdk_upload_lands_in_the_bucket_and_is_delivered_byte_identical_and_derived() throws Exception {
        byte[] photo = TestImages.jpeg(640, 480, 21);

        Map<?, ?> uploaded = sdk().uploader().upload(photo, ObjectUtils.asMap("public_id", "s3/photo"));

        assertThat(objects()).anyMatch(key -> key.endsWith("/sdk-cloud/" + ((String) uploaded.get("version_id")).substring(0, 2)
                + "/" + uploaded.get("version_id")));
        assertThat(fetch((String) uploaded.get("url")).body()).isEqualTo(photo);
        HttpResponse<byte[]> derived = fetch(base() + "/sdk-cloud/image/upload/c_scale,w_64/s3/photo.jpg");
        assertThat(derived.statusCode()).isEqualTo(200);
        assertThat(TestImages.decoded(derived.body()).getWidth()).isEqualTo(64);
    }

    @Test
    void a_range_of_a_large_original_is_a_206_and_a_range_past_its_end_a_416() throws Exception {
        byte[] file = random(3_000_000, 5);
        HttpResponse<String> uploaded = signedMultipart("sdk-cloud", "raw", "sdk-key", "sdk-secret", Map.of("public_id", "s3/large.bin"),
                file, "large.bin", Map.of());
        String url = JSON.readTree(uploaded.body()).path("url").asText();

        HttpResponse<byte[]> part = fetch(url, "Range", "bytes=1000000-1000999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000000-1000999/3000000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(file, 1_000_000, 1_001_000));
        assertThat(fetch(url, "Range", "bytes=-10").body()).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
        HttpResponse<byte[]> past = fetch(url, "Range", "bytes=3000000-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */3000000");
        assertThat(fetch(url).body()).isEqualTo(file);
    }

    @Test
    void a_chunked_upload_whose_parts_arrive_last_first_is_one_file_and_leaves_no_part_objects() throws Exception {
        byte[] file = random(2 * PART + 4321, 7);
        JsonNode asset = chunked(file, "s3/chunked.bin", new int[][] {{2 * PART, file.length}, {PART, 2 * PART}, {0, PART}});
        assertThat(asset.path("bytes").asLong()).isEqualTo(file.length);
        assertThat(asset.path("etag").asText()).isEqualTo(md5(file));
        assertThat(fetch(asset.path("url").asText()).body()).isEqualTo(file);
        awaitTrue(() -> objects().stream().noneMatch(key -> key.contains("/parts/")), "part objects removed");
    }

    @Test
    void a_chunked_upload_of_parts_of_at_least_five_mebibytes_is_composed_in_the_bucket_from_its_parts() throws Exception {
        int part = 6 * 1024 * 1024;
        byte[] file = random(2 * part + 99, 8);
        JsonNode asset = chunked(file, "s3/composed.bin", new int[][] {{0, part}, {part, 2 * part}, {2 * part, file.length}});
        assertThat(asset.path("etag").asText()).isEqualTo(md5(file));
        assertThat(fetch(asset.path("url").asText()).body()).isEqualTo(file);
        awaitTrue(() -> objects().stream().noneMatch(key -> key.contains("/parts/")), "part objects removed");
        assertThat(fetch(asset.path("url").asText()).body()).as("the composed object outlives its parts").isEqualTo(file);
    }

    @Test
    void a_destroyed_asset_s_objects_leave_the_bucket_when_its_backup_is_deleted() throws Exception {
        Map<?, ?> uploaded = sdk().uploader().upload(TestImages.jpeg(300, 200, 4), ObjectUtils.asMap("public_id", "s3/gone"));
        String versionId = (String) uploaded.get("version_id");
        assertThat(fetch(base() + "/sdk-cloud/image/upload/w_30/s3/gone.jpg").statusCode()).isEqualTo(200);
        int before = objects().size();

        sdk().uploader().destroy("s3/gone", ObjectUtils.emptyMap());
        assertThat(objects()).as("the original stays in the trash").anyMatch(key -> key.endsWith(versionId));
        sdk().api().deleteBackedUpAssets(uploaded.get("asset_id").toString(), new String[]{versionId}, ObjectUtils.emptyMap());

        awaitTrue(() -> objects().stream().noneMatch(key -> key.endsWith(versionId)), "the original removed");
        assertThat(objects().size()).isLessThan(before);
    }

    @Test
    void an_outage_answers_a_json_503_records_nothing_keeps_cached_deliveries_and_recovers_by_itself() throws Exception {
        Map<?, ?> cached = sdk().uploader().upload(TestImages.jpeg(120, 80, 8), ObjectUtils.asMap("public_id", "s3/cached"));
        String cachedUrl = (String) cached.get("url");
        assertThat(fetch(cachedUrl).statusCode()).isEqualTo(200);
        long listed = sdk().api().resources(ObjectUtils.asMap("max_results", 500)).get("resources") instanceof List<?> l ? l.size() : -1;

        s3proxy.stop();
        try {
            HttpResponse<String> refused = signedMultipart("sdk-cloud", "image", "sdk-key", "sdk-secret",
                    Map.of("public_id", "s3/during-outage"), TestImages.jpeg(100, 100, 9), "outage.jpg", Map.of());
            assertError(refused, 503, "The blob store is unavailable; try again shortly");
            assertThat(fetch(cachedUrl).statusCode()).isEqualTo(200);
            HttpResponse<String> health = get("/actuator/health", null, null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).path("components").path("blobStore").path("status").asText()).isEqualTo("DOWN");
        } finally {
            s3proxy.startAgain();
        }

        assertThat(get("/resources/image/upload/s3/during-outage", null, null).statusCode()).isNotEqualTo(200);
        assertThat(((List<?>) sdk().api().resources(ObjectUtils.asMap("max_results", 500)).get("resources")).size()).isEqualTo((int) listed);
        Map<?, ?> after = sdk().uploader().upload(TestImages.jpeg(100, 100, 9), ObjectUtils.asMap("public_id", "s3/after-outage"));
        assertThat(fetch((String) after.get("url")).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
    }
}
