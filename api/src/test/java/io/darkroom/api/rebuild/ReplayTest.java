package io.darkroom.api.rebuild;

import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
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
            "/v1_1/replay-cloud/audit?max_results=500",
            "/v1_1/replay-cloud/resources/image/upload/r/img0",
            "/v1_1/replay-cloud/resources/image/upload/r/img4",
            "/v1_1/replay-cloud/transformations?max_results=500",
            "/v1_1/replay-cloud/transformations/t_replay_small",
            "/v1_1/replay-cloud/transformations/c_fill,h_5,w_5",
            "/v1/replay-cloud/media_sources",
            "/v1/replay-cloud/mapping_functions",
            "/v1/replay-cloud/delivery_profiles");

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

        // derived files: eager, a delivery, a named transformation's delivery, one derived file deleted
        assertThat(signedUpload("replay-cloud", "image", "replay-key", "replay-secret", Map.of("file",
                dataUri(TestImages.jpeg(40, 30, 7), "image/jpeg"), "public_id", "r/img4", "eager", "w_10|w_12")).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/replay-cloud/image/upload/c_fill,h_5,w_5/r/img0.jpg"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v1_1/replay-cloud/transformations", "application/x-www-form-urlencoded",
                "name=replay_small&transformation=w_8", "replay-key", "replay-secret").statusCode()).isEqualTo(200);
        assertThat(HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/replay-cloud/image/upload/t_replay_small/r/img0.jpg"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        String derivedId = jdbc.queryForObject("SELECT d.derived_id FROM derived_resource d JOIN resource_listing r USING (asset_id)"
                + " WHERE r.public_id = 'r/img4' AND d.transformation = 'w_12'", String.class);
        assertThat(send("DELETE", "/v1_1/replay-cloud/derived_resources", "application/x-www-form-urlencoded",
                "derived_resource_ids=" + derivedId, "replay-key", "replay-secret").statusCode()).isEqualTo(200);

        // Media Optimizer: configuration, a delivery through a profile (a stored variant), an invalidation, another delivery
        String domain = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get("/v1/replay-cloud/domains", "replay-key",
                "replay-secret").body()).get(0).path("id").asText();
        String source = new com.fasterxml.jackson.databind.ObjectMapper().readTree(send("POST", "/v1/replay-cloud/media_sources",
                "application/json", "{\"display_name\":\"own\",\"uri_type\":\"cloudinary\",\"config\":{\"cld_cloud_name\":\"replay-cloud\"}}",
                "replay-key", "replay-secret").body()).path("id").asText();
        assertThat(send("POST", "/v1/replay-cloud/mapping_functions", "application/json", "{\"display_name\":\"f\",\"code\":"
                + "\"function map(r, e) { return {fwd_key: r.path, media_key: r.path, transformation: 'w_6', resource_type: 'image'}; }\"}",
                "replay-key", "replay-secret").statusCode()).isEqualTo(200);
        String profile = new com.fasterxml.jackson.databind.ObjectMapper().readTree(send("POST", "/v1/replay-cloud/delivery_profiles",
                "application/json", "{\"display_name\":\"pm\",\"cname_id\":\"" + domain + "\",\"mapping_function_id\":"
                + "\"63b432465f829b7fe342851bd1138447\",\"media_source_ids\":[\"" + source + "\"]}", "replay-key", "replay-secret")
                .body()).path("id").asText();
        assertThat(send("PUT", "/v1/replay-cloud/delivery_profiles/" + profile, "application/json", "{\"is_enabled\":true}",
                "replay-key", "replay-secret").statusCode()).isEqualTo(200);
        for (String path : List.of("image/upload/w_7/r/img0.jpg", "image/upload/w_9/r/img1.jpg")) {
            assertThat(HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/mo/replay-cloud.mo.localhost/"
                    + path)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(send("POST", "/v1/replay-cloud/invalidate_all_derived_resources", "application/json",
                "{\"media_resources\":[{\"media_key\":\"image/upload/w_9/r/img1.jpg\"}]}", "replay-key", "replay-secret")
                .statusCode()).isEqualTo(200);
        String storedVariants = "SELECT string_agg(media_key || ':' || transformation, ',' ORDER BY media_key) FROM mo_derived"
                + " WHERE cloud = 'replay-cloud'";
        String variantsBefore = jdbc.queryForObject(storedVariants, String.class);
        assertThat(variantsBefore).isEqualTo("image/upload/w_7/r/img0.jpg:w_7");

        Map<String, String> before = answers();
        assertThat(before.get("/v1_1/replay-cloud/resources/image/upload/r/img0")).contains("c_fill,h_5,w_5", "t_replay_small");
        assertThat(before.get("/v1_1/replay-cloud/resources/image/upload/r/img4")).contains("\"w_10\"").doesNotContain("w_12");
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        jdbc.update("DELETE FROM resource_tag");
        jdbc.update("DELETE FROM resource_analysis");
        jdbc.update("DELETE FROM resource_listing");
        jdbc.update("DELETE FROM audit_entry WHERE cloud = 'replay-cloud'");
        jdbc.update("DELETE FROM derived_resource WHERE cloud = 'replay-cloud'");
        jdbc.update("DELETE FROM transformation_listing WHERE cloud = 'replay-cloud'");
        jdbc.update("DELETE FROM mo_media_source WHERE cloud = 'replay-cloud'");
        jdbc.update("DELETE FROM mo_mapping_function WHERE cloud = 'replay-cloud'");
        jdbc.update("DELETE FROM mo_delivery_profile WHERE cloud = 'replay-cloud'");
        jdbc.update("DELETE FROM mo_derived WHERE cloud = 'replay-cloud'");
        assertThat(get(QUERIES.get(0), "replay-key", "replay-secret").body()).isEqualTo("{\"resources\":[]}");

        assertThat(replay.run()).isGreaterThanOrEqualTo(events);
        assertThat(answers()).isEqualTo(before);
        assertThat(jdbc.queryForObject(storedVariants, String.class)).isEqualTo(variantsBefore);
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
