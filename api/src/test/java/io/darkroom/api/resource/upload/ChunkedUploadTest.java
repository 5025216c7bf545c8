package io.darkroom.api.resource.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Chunked uploads as the Node SDK sends them (TOTAL -1 until the last part), and every way a part can be wrong. */
class ChunkedUploadTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOUD = "chunk-cloud";
    private static final String KEY = "chunk-key";
    private static final String SECRET = "chunk-secret";
    private static final int PART = 5_000_000;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> part(String uploadId, String range, byte[] bytes, Map<String, String> params) throws Exception {
        return signedMultipart(CLOUD, "raw", KEY, SECRET, params, bytes, "big.bin",
                Map.of("Content-Range", range, "X-Unique-Upload-Id", uploadId));
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error").path("message").asText();
    }

    @Autowired
    io.darkroom.application.blob.BlobStore blobs;

    /** Blobs whose keys start with {@code prefix}, in whichever store the tests run on. */
    private long storedUnder(String prefix) throws Exception {
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        blobs.list(prefix, blob -> count.incrementAndGet());
        return count.get();
    }

    private int partsOf(String uploadId) {
        return jdbc.queryForObject("SELECT count(*) FROM chunked_upload_part WHERE upload_id = ?", Integer.class, uploadId);
    }

    private int resourcesNamed(String publicId) {
        return jdbc.queryForObject("SELECT count(*) FROM public_id_claim WHERE cloud = ? AND public_id = ?", Integer.class,
                CLOUD, publicId);
    }

    @Test
    void parts_with_an_unknown_total_assemble_into_one_asset_with_every_parameter_honoured() throws Exception {
        byte[] file = randomBytes(2 * PART + 1234, 1);
        String id = UUID.randomUUID().toString();
        Map<String, String> params = Map.of("public_id", "chunks/node-style.bin", "tags", "big,chunked", "context", "k=v");

        HttpResponse<String> first = part(id, "bytes 0-" + (PART - 1) + "/-1", Arrays.copyOfRange(file, 0, PART), params);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode firstBody = JSON.readTree(first.body());
        assertThat(firstBody.path("done").asBoolean(true)).isFalse();
        assertThat(firstBody.path("bytes").asLong()).isEqualTo(PART);
        assertThat(resourcesNamed("chunks/node-style.bin")).isZero();

        HttpResponse<String> second = part(id, "bytes " + PART + "-" + (2 * PART - 1) + "/-1",
                Arrays.copyOfRange(file, PART, 2 * PART), params);
        assertThat(JSON.readTree(second.body()).path("bytes").asLong()).isEqualTo(2L * PART);

        HttpResponse<String> last = part(id, "bytes " + 2 * PART + "-" + (file.length - 1) + "/" + file.length,
                Arrays.copyOfRange(file, 2 * PART, file.length), params);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        JsonNode asset = JSON.readTree(last.body());
        assertThat(asset.path("public_id").asText()).isEqualTo("chunks/node-style.bin");
        assertThat(asset.path("bytes").asLong()).isEqualTo(file.length);
        assertThat(asset.path("etag").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file)));
        assertThat(asset.path("tags").toString()).isEqualTo("[\"big\",\"chunked\"]");
        assertThat(asset.path("context").path("custom").path("k").asText()).isEqualTo("v");
        assertThat(asset.path("original_filename").asText()).isEqualTo("big");

        HttpResponse<byte[]> delivered = HTTP.send(HttpRequest.newBuilder(URI.create(asset.path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(delivered.body()).isEqualTo(file);
        assertThat(partsOf(id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM chunked_upload WHERE upload_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void parts_sent_at_once_in_any_order_make_one_asset_answered_by_the_part_that_completes_it() throws Exception {
        byte[] file = randomBytes(2 * PART + 777, 11);
        String id = UUID.randomUUID().toString();
        Map<String, String> params = Map.of("public_id", "chunks/parallel.bin");
        List<String> ranges = List.of("bytes " + 2 * PART + "-" + (file.length - 1) + "/" + file.length,
                "bytes 0-" + (PART - 1) + "/-1", "bytes " + PART + "-" + (2 * PART - 1) + "/-1");
        List<int[]> slices = List.of(new int[] {2 * PART, file.length}, new int[] {0, PART}, new int[] {PART, 2 * PART});
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            answers.add(pool.submit(() -> part(id, ranges.get(n), Arrays.copyOfRange(file, slices.get(n)[0], slices.get(n)[1]), params)));
        }
        int completed = 0;
        for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            if (body.has("public_id")) {
                completed++;
                assertThat(body.path("bytes").asLong()).isEqualTo(file.length);
                assertThat(body.path("etag").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file)));
            } else {
                assertThat(body.path("done").asBoolean(true)).isFalse();
            }
        }
        pool.shutdown();
        assertThat(completed).isEqualTo(1);
        assertThat(resourcesNamed("chunks/parallel.bin")).isEqualTo(1);
    }

    @Test
    void a_part_over_the_request_limit_or_a_total_over_the_file_limit_is_refused() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> bigPart = part(id, "bytes 0-5999999/-1", randomBytes(6_000_000, 12), Map.of());
        assertError(bigPart, 400, "File size too large. Got a part of 6000000 bytes. Maximum is 5632000.");
        assertThat(error(bigPart)).contains("File size too large");
        HttpResponse<String> bigTotal = part(id, "bytes 0-" + (PART - 1) + "/" + 40_000_000, randomBytes(PART, 13), Map.of());
        assertError(bigTotal, 400, "File size too large. Got 40000000. Maximum is 31457280.");
        assertThat(error(bigTotal)).contains("File size too large");
        assertThat(partsOf(id)).isZero();
    }

    @Test
    void a_part_smaller_than_5mb_that_is_not_the_last_is_refused() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = part(id, "bytes 0-39999/-1", randomBytes(40_000, 2), Map.of("public_id", "chunks/small"));
        assertError(response, 400, "All parts except EOF-chunk must be larger than 5mb");
        assertThat(error(response)).isEqualTo("All parts except EOF-chunk must be larger than 5mb");
        assertThat(partsOf(id)).isZero();
    }

    @Test
    void overlapping_parts_a_changed_total_and_a_range_that_lies_are_refused_and_nothing_is_stored() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] file = randomBytes(2 * PART + 10, 3);
        Map<String, String> params = Map.of("public_id", "chunks/bad-ranges");
        assertThat(part(id, "bytes 0-" + (PART - 1) + "/" + file.length, Arrays.copyOfRange(file, 0, PART), params).statusCode())
                .isEqualTo(200);

        HttpResponse<String> overlap = part(id, "bytes 10-" + (PART + 9) + "/" + file.length, Arrays.copyOfRange(file, 10, PART + 10), params);
        assertError(overlap, 400, "Content-Range bytes 10-5000009 overlap the part already received at bytes 0-4999999");
        assertThat(error(overlap)).contains("overlap");

        HttpResponse<String> changedTotal = part(id, "bytes " + PART + "-" + (2 * PART - 1) + "/" + (file.length + 1),
                Arrays.copyOfRange(file, PART, 2 * PART), params);
        assertError(changedTotal, 400, "Content-Range total 10000011 differs from the total 10000010 of earlier parts");
        assertThat(error(changedTotal)).contains("differs from the total");

        HttpResponse<String> lying = part(id, "bytes " + PART + "-" + (2 * PART - 1) + "/" + file.length,
                Arrays.copyOfRange(file, PART, 2 * PART - 5), params);
        assertError(lying, 400, "Content-Range declares 5000000 bytes but the part holds 4999995");
        assertThat(error(lying)).contains("declares " + PART + " bytes");

        HttpResponse<String> malformed = part(id, "bytes five-six/7", new byte[10], params);
        assertError(malformed, 400, "Invalid Content-Range header 'bytes five-six/7': expected bytes FIRST-LAST/TOTAL");
        assertThat(error(malformed)).contains("Invalid Content-Range");

        assertThat(partsOf(id)).isEqualTo(1);
        assertThat(resourcesNamed("chunks/bad-ranges")).isZero();
    }

    @Test
    void a_part_whose_body_ends_before_its_boundary_is_a_bad_request_and_leaves_no_part() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> fields = new java.util.TreeMap<>(Map.of("timestamp", String.valueOf(Instant.now().getEpochSecond()),
                "public_id", "chunks/truncated"));
        fields.put("api_key", KEY);
        fields.put("signature", sign(fields, SECRET, "SHA-1"));
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--b\r\nContent-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n")
                .append(v).append("\r\n"));
        body.append("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n\r\n").append("x".repeat(1000));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/v1_1/" + CLOUD + "/raw/upload"))
                .header("Content-Type", "multipart/form-data; boundary=b").header("X-Unique-Upload-Id", id)
                .header("Content-Range", "bytes 0-" + (PART - 1) + "/-1")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertError(response, 400, "Malformed multipart request: the file part ended before its boundary");
        assertThat(error(response)).contains("Malformed multipart");
        assertThat(partsOf(id)).isZero();
    }

    @Test
    void a_part_from_another_cloud_under_the_same_upload_id_is_refused() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(part(id, "bytes 0-" + (PART - 1) + "/-1", randomBytes(PART, 4), Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = signedMultipart("test-cloud", "raw", "test-key", "test-secret", Map.of(),
                randomBytes(100, 5), "x.bin", Map.of("Content-Range", "bytes " + PART + "-" + (PART + 99) + "/" + (PART + 100),
                        "X-Unique-Upload-Id", id));
        assertError(foreign, 400, "Invalid X-Unique-Upload-Id: the upload belongs to another cloud");
        assertThat(error(foreign)).contains("another cloud");
        assertThat(partsOf(id)).isEqualTo(1);
    }

    @Test
    void a_retried_part_replaces_its_twin_instead_of_failing() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] file = randomBytes(PART + 50, 6);
        Map<String, String> params = Map.of("public_id", "chunks/retried.bin");
        part(id, "bytes 0-" + (PART - 1) + "/-1", Arrays.copyOfRange(file, 0, PART), params);
        assertThat(part(id, "bytes 0-" + (PART - 1) + "/-1", Arrays.copyOfRange(file, 0, PART), params).statusCode()).isEqualTo(200);
        HttpResponse<String> last = part(id, "bytes " + PART + "-" + (file.length - 1) + "/" + file.length,
                Arrays.copyOfRange(file, PART, file.length), params);
        assertThat(JSON.readTree(last.body()).path("bytes").asLong()).isEqualTo(file.length);
    }

    @Test
    void an_abandoned_upload_and_its_parts_are_removed_after_the_grace_period() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(part(id, "bytes 0-" + (PART - 1) + "/-1", randomBytes(PART, 7), Map.of()).statusCode()).isEqualTo(200);
        String blobKey = jdbc.queryForObject("SELECT blob_key FROM chunked_upload WHERE upload_id = ?", String.class, id);
        assertThat(storedUnder(blobKey + "/")).isEqualTo(1);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while ((partsOf(id) > 0 || storedUnder(blobKey + "/") > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(partsOf(id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM chunked_upload WHERE upload_id = ?", Integer.class, id)).isZero();
        assertThat(storedUnder(blobKey + "/")).isZero();
    }

    @Test
    void an_empty_file_is_refused_plain_or_chunked_and_as_any_resource_type() throws Exception {
        for (String resourceType : List.of("image", "raw", "auto", "video")) {
            HttpResponse<String> plain = signedMultipart(CLOUD, resourceType, KEY, SECRET, Map.of("public_id", "empty/plain"),
                    new byte[0], "empty.bin", Map.of());
            assertError(plain, 400, "Empty file");
            assertThat(error(plain)).as(resourceType).containsIgnoringCase("empty");
            HttpResponse<String> chunked = signedMultipart(CLOUD, resourceType, KEY, SECRET, Map.of("public_id", "empty/chunked"),
                    new byte[0], "empty.bin", Map.of("Content-Range", "bytes 0--1/0", "X-Unique-Upload-Id", UUID.randomUUID().toString()));
            assertError(chunked, 400, "Empty file");
            assertThat(error(chunked)).as(resourceType).containsIgnoringCase("empty");
        }
        HttpResponse<String> dataUri = signedUpload(CLOUD, "raw", KEY, SECRET, Map.of("file", "data:text/plain;base64,",
                "public_id", "empty/data"));
        assertError(dataUri, 400, "Empty file");
        assertThat(resourcesNamed("empty/plain") + resourcesNamed("empty/chunked") + resourcesNamed("empty/data")).isZero();
    }

    @Autowired
    io.darkroom.api.config.DarkroomProperties properties;
}
