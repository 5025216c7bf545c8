package io.darkroom.api.resource;

import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import io.darkroom.api.config.ReplayCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A read model dropped and rebuilt from the event store answers exactly as before. */
class ReplayTest extends DarkroomIntegrationTest {
    private static final List<String> QUERIES = List.of(
            "/v1_1/replay-cloud/resources/image?max_results=500&tags=1&context=1&moderations=1",
            "/v1_1/replay-cloud/resources/image/upload?prefix=r/&max_results=3",
            "/v1_1/replay-cloud/resources/raw",
            "/v1_1/replay-cloud/resources/image/tags/blue?tags=true",
            "/v1_1/replay-cloud/resources/image/moderations/manual/pending",
            "/v1_1/replay-cloud/resources/image/moderations/manual/rejected",
            "/v1_1/replay-cloud/resources/image/upload/r/img1?coordinates=1",
            "/v1_1/replay-cloud/tags/image?max_results=500",
            "/v1_1/replay-cloud/resources",
            "/v1_1/replay-cloud/resources/image/upload/r/img2?colors=1&image_metadata=1&phash=1&pages=1",
            "/v1_1/replay-cloud/audit?max_results=500");

    @Autowired
    ReplayCommand replay;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rebuilt_listing_equals_the_live_one() throws Exception {
        for (int i = 0; i < 6; i++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("file", dataUri(TestImages.jpeg(30 + i, 20, i), "image/jpeg"));
            params.put("public_id", "r/img" + i);
            params.put("tags", i % 2 == 0 ? "blue,all" : "all");
            params.put("context", "n=" + i);
            if (i == 3) {
                params.put("moderation", "manual");
            }
            assertThat(signedUpload("replay-cloud", "image", "replay-key", "replay-secret", params).statusCode()).isEqualTo(200);
        }
        assertThat(signedUpload("replay-cloud", "image", "replay-key", "replay-secret",
                Map.of("file", dataUri(TestImages.png(9, 9, 9), "image/png"), "public_id", "r/img2", "tags", "blue,new"))
                .statusCode()).isEqualTo(200);
        assertThat(signedUpload("replay-cloud", "raw", "replay-key", "replay-secret",
                Map.of("file", dataUri("raw bytes".getBytes(), "text/plain"), "public_id", "r/notes.txt")).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v1_1/replay-cloud/resources/image/upload/r/img1", "application/x-www-form-urlencoded",
                "tags=changed&context=n%3Dx&face_coordinates=1,2,3,4&moderation_status=rejected", "replay-key", "replay-secret")
                .statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/v1_1/replay-cloud/resources/image/upload", "application/x-www-form-urlencoded",
                "public_ids=r/img5", "replay-key", "replay-secret").statusCode()).isEqualTo(200);

        Map<String, String> before = answers();
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        jdbc.update("DELETE FROM resource_tag");
        jdbc.update("DELETE FROM resource_analysis");
        jdbc.update("DELETE FROM resource_listing");
        jdbc.update("DELETE FROM audit_entry WHERE cloud = 'replay-cloud'");
        assertThat(get(QUERIES.get(0), "replay-key", "replay-secret").body()).isEqualTo("{\"resources\":[]}");

        assertThat(replay.run()).isGreaterThanOrEqualTo(events);
        assertThat(answers()).isEqualTo(before);
        assertThat(replay.run()).as("replaying twice is idempotent").isGreaterThanOrEqualTo(events);
        assertThat(answers()).isEqualTo(before);
    }

    private Map<String, String> answers() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String query : QUERIES) {
            var response = get(query, "replay-key", "replay-secret");
            assertThat(response.statusCode()).as(query).isEqualTo(200);
            answers.put(query, response.body());
        }
        return answers;
    }
}
