package io.darkroom.api.resource.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients changing one asset at once, over HTTP against real PostgreSQL. */
class ConcurrentChangesTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private void uploadOne(String publicId) throws Exception {
        assertThat(signedUpload("manage-cloud", "image", "manage-key", "manage-secret",
                Map.of("file", dataUri(TestImages.png(6, 6, 1), "image/png"), "public_id", publicId)).statusCode()).isEqualTo(200);
    }

    private static Map<String, String> signed(Map<String, String> params) {
        Map<String, String> all = new java.util.LinkedHashMap<>(params);
        all.put("timestamp", String.valueOf(java.time.Instant.now().getEpochSecond()));
        all.put("api_key", "manage-key");
        all.put("signature", sign(all, "manage-secret", "SHA-1"));
        return all;
    }

    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sixty_four_concurrent_tag_additions_on_one_asset_all_apply() throws Exception {
        uploadOne("race/tags");
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String tag = "t" + i;
            calls.add(() -> send("POST", "/v1_1/manage-cloud/image/tags", "application/x-www-form-urlencoded",
                    form(signed(Map.of("command", "add", "tag", tag, "public_ids", "race/tags"))), null, null));
        }
        for (HttpResponse<String> response : all(calls)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        JsonNode details = JSON.readTree(get("/v1_1/manage-cloud/resources/image/upload/race/tags", "manage-key", "manage-secret").body());
        Set<String> tags = new TreeSet<>();
        details.path("tags").forEach(t -> tags.add(t.asText()));
        assertThat(tags).hasSize(64);
    }

    @Test
    void an_asset_with_a_longer_history_than_one_read_batch_keeps_taking_changes() throws Exception {
        uploadOne("race/long-history");
        // Axon reads an aggregate's events in batches of 100, in one query per batch
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> response = send("POST", "/v1_1/manage-cloud/image/tags", "application/x-www-form-urlencoded",
                    form(signed(Map.of("command", "add", "tag", "h" + i, "public_ids", "race/long-history"))), null, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        JsonNode details = JSON.readTree(get("/v1_1/manage-cloud/resources/image/upload/race/long-history", "manage-key", "manage-secret").body());
        assertThat(details.path("tags")).hasSize(120);
        JsonNode history = JSON.readTree(get("/v1_1/manage-cloud/resources/image/upload/race/long-history/history", "manage-key",
                "manage-secret").body()).path("history");
        assertThat(history).hasSize(121);
    }

    @Test
    void a_delete_racing_an_update_ends_in_one_of_the_two_orders() throws Exception {
        for (int round = 0; round < 5; round++) {
            String publicId = "race/del" + round;
            uploadOne(publicId);
            List<HttpResponse<String>> responses = all(List.of(
                    () -> send("POST", "/v1_1/manage-cloud/resources/image/upload/" + publicId, "application/x-www-form-urlencoded",
                            "tags=updated", "manage-key", "manage-secret"),
                    () -> send("POST", "/v1_1/manage-cloud/image/destroy", "application/x-www-form-urlencoded",
                            form(signed(Map.of("public_id", publicId))), null, null)));
            HttpResponse<String> update = responses.get(0);
            HttpResponse<String> destroy = responses.get(1);
            assertThat(destroy.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(destroy.body()).path("result").asText()).isEqualTo("ok");
            // update first (200, then deleted) or delete first (404): never a 5xx, never a half state
            assertThat(update.statusCode()).as(update.body()).isIn(200, 404);
            assertError(get("/v1_1/manage-cloud/resources/image/upload/" + publicId, "manage-key", "manage-secret"), 404,
                    "Resource not found - " + publicId);
            assertThat(JSON.readTree(get("/v1_1/manage-cloud/resources/image/tags/updated", "manage-key", "manage-secret").body())
                    .path("resources").toString()).doesNotContain(publicId);
        }
    }
}
