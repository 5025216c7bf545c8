package io.darkroom.api.resource.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent uploads of one public id: one asset, no lost or duplicate version. */
class ConcurrentUploadTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;

    @Autowired
    JdbcTemplate jdbc;

    private List<HttpResponse<String>> race(String publicId, boolean overwrite) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String file = dataUri(TestImages.png(10 + i, 10, i), "image/png");
                calls.add(() -> signedUpload("race-cloud", "image", "race-key", "race-secret",
                        Map.of("file", file, "public_id", publicId, "overwrite", String.valueOf(overwrite))));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrent_first_uploads_of_one_name_create_exactly_one_asset() throws Exception {
        List<HttpResponse<String>> responses = race("race/first", false);
        Set<String> assetIds = new HashSet<>();
        int existing = 0;
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assetIds.add(JSON.readTree(response.body()).path("asset_id").asText());
            existing += JSON.readTree(response.body()).path("existing").asBoolean() ? 1 : 0;
        }
        assertThat(assetIds).hasSize(1);
        assertThat(existing).isEqualTo(CLIENTS - 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE cloud = 'race-cloud' AND public_id = 'race/first'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, assetIds.iterator().next())).isEqualTo(1);
    }

    @Test
    void concurrent_overwrites_all_apply_as_distinct_ordered_versions() throws Exception {
        List<HttpResponse<String>> responses = race("race/overwritten", true);
        Set<String> assetIds = new HashSet<>();
        Set<Long> versions = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assetIds.add(JSON.readTree(response.body()).path("asset_id").asText());
            versions.add(JSON.readTree(response.body()).path("version").asLong());
        }
        assertThat(assetIds).hasSize(1);
        assertThat(versions).hasSize(CLIENTS);
        String assetId = assetIds.iterator().next();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, assetId)).isEqualTo(CLIENTS);
        assertThat(jdbc.queryForObject("SELECT version FROM resource_listing WHERE asset_id = ?", Long.class, assetId))
                .isEqualTo(versions.stream().max(Long::compare).orElseThrow());
    }
}
