package io.darkroom.api.resource.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestClock;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting 2,500 resources by prefix: three calls following cursors, and every byte removed afterwards. */
class BulkDeleteTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deletes_2500_by_prefix_in_three_calls_into_the_trash_whose_sweep_removes_their_bytes() throws Exception {
        String file = dataUri(TestImages.png(4, 4, 1), "image/png");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String publicId = String.format("bulk/%04d", i);
            uploads.add(pool.submit(() -> signedUpload("bulk-cloud", "image", "bulk-key", "bulk-secret",
                    Map.of("file", file, "public_id", publicId)).statusCode()));
        }
        for (Future<Integer> upload : uploads) {
            assertThat(upload.get()).isEqualTo(200);
        }
        pool.shutdown();
        List<String> versionIds = jdbc.queryForList("SELECT version_id FROM resource_listing WHERE cloud = 'bulk-cloud'", String.class);
        assertThat(versionIds).hasSize(2500);

        List<Boolean> partials = new ArrayList<>();
        List<Integer> deletedPerCall = new ArrayList<>();
        String cursor = null;
        do {
            String body = "prefix=bulk%2F" + (cursor == null ? "" : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            long started = System.nanoTime();
            var response = send("DELETE", "/v1_1/bulk-cloud/resources/image/upload", "application/x-www-form-urlencoded", body,
                    "bulk-key", "bulk-secret");
            System.out.printf("delete call %d took %d ms%n", partials.size() + 1, (System.nanoTime() - started) / 1_000_000);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(response.body());
            partials.add(json.path("partial").asBoolean());
            deletedPerCall.add(json.path("deleted").size());
            cursor = json.hasNonNull("next_cursor") ? json.path("next_cursor").asText() : null;
        } while (cursor != null);

        assertThat(partials).containsExactly(true, true, false);
        assertThat(deletedPerCall).containsExactly(1000, 1000, 500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE cloud = 'bulk-cloud'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public_id_claim WHERE cloud = 'bulk-cloud'", Integer.class)).isZero();
        assertThat(JSON.readTree(get("/v1_1/bulk-cloud/resources/image", "bulk-key", "bulk-secret").body()).path("resources").size()).isZero();

        // in the trash: every version's bytes stay, nothing is queued for removal
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_trash WHERE cloud = 'bulk-cloud'", Integer.class)).isEqualTo(2500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM blob_deletion WHERE blob_key LIKE 'bulk-cloud/%'", Integer.class)).isZero();
        java.util.Set<String> stored = new java.util.HashSet<>();
        blobs.list("bulk-cloud/", blob -> stored.add(blob.key()));
        assertThat(stored).as("trashed bytes kept").containsAll(versionIds.stream()
                .map(v -> io.darkroom.application.blob.BlobStore.keyOf("bulk-cloud", v.strip())).toList());

        // past the retention (30 days by default) the sweeper purges them, a thousand per cloud and run
        TestClock.advance(java.time.Duration.ofDays(31));
        try {
            // other test classes' trashes are past their retention too, and purged on the way
            for (int run = 0; run < 10 && jdbc.queryForObject(
                    "SELECT count(*) FROM resource_trash WHERE cloud = 'bulk-cloud'", Integer.class) > 0; run++) {
                assertThat(sweeper.sweep()).isPositive();
            }
        } finally {
            TestClock.reset();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_trash WHERE cloud = 'bulk-cloud'", Integer.class)).isZero();
        long deadline = System.currentTimeMillis() + 20_000;
        while (countBlobs() != 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(countBlobs()).as("blobs of purged resources").isZero();
        // other tests' refused or identical uploads leave keys that fall due only after the orphan grace
        assertThat(jdbc.queryForObject("SELECT count(*) FROM blob_deletion WHERE blob_key LIKE 'bulk-cloud/%'", Integer.class)).isZero();
    }

    @Autowired
    io.darkroom.application.resource.restore.TrashSweeper sweeper;

    @Autowired
    io.darkroom.application.blob.BlobStore blobs;

    /** Blobs of the cloud's versions, in whichever store the tests run on; -1 when the sweeper removed one as it was listed. */
    private long countBlobs() throws Exception {
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        try {
            blobs.list("bulk-cloud/", blob -> count.incrementAndGet());
        } catch (java.io.UncheckedIOException removedWhileWalking) {
            return -1;
        }
        return count.get();
    }
}
