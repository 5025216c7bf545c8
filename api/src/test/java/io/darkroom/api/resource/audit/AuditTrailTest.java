package io.darkroom.api.resource.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** History per asset (deleted ones too) and the cloud's audit trail, with who, when and what changed. */
class AuditTrailTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, String> signed(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("timestamp", String.valueOf(java.time.Instant.now().getEpochSecond()));
        all.put("api_key", "other-key");
        all.put("signature", sign(all, "other-secret", "SHA-1"));
        return all;
    }

    @Test
    void history_lists_every_change_oldest_first_and_survives_deletion() throws Exception {
        JsonNode uploaded = JSON.readTree(signedUpload("other-cloud", "image", "other-key", "other-secret",
                Map.of("file", dataUri(TestImages.png(5, 5, 3), "image/png"), "public_id", "audit/one", "tags", "a")).body());
        String assetId = uploaded.path("asset_id").asText();
        assertThat(send("POST", "/v1_1/other-cloud/resources/image/upload/audit/one", "application/x-www-form-urlencoded",
                "tags=a,b&context=k%3Dv", "other-key", "other-secret").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v1_1/other-cloud/resources/image/upload/audit/one", "application/x-www-form-urlencoded",
                "tags=a,b", "other-key", "other-secret").statusCode()).as("an update that changes nothing").isEqualTo(200);
        assertThat(send("POST", "/v1_1/other-cloud/image/rename", "application/x-www-form-urlencoded",
                form(signed(Map.of("from_public_id", "audit/one", "to_public_id", "audit/two"))), null, null).statusCode()).isEqualTo(200);

        JsonNode byName = JSON.readTree(get("/v1_1/other-cloud/resources/image/upload/audit/two/history", "other-key", "other-secret").body());
        List<String> events = new ArrayList<>();
        byName.path("history").forEach(e -> events.add(e.path("event").asText()));
        assertThat(events).containsExactly("ResourceUploaded", "ResourceTagsChanged", "ResourceContextChanged", "ResourceRenamed");
        JsonNode tagsChanged = byName.path("history").get(1);
        assertThat(tagsChanged.path("actor").asText()).isEqualTo("other-key");
        assertThat(tagsChanged.path("request_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(tagsChanged.path("client_address").asText()).isEqualTo("127.0.0.1");
        assertThat(tagsChanged.path("changes").path("added").toString()).isEqualTo("[\"b\"]");
        assertThat(byName.path("history").get(3).path("changes").path("from_public_id").asText()).isEqualTo("audit/one");
        assertThat(byName.toString()).doesNotContain("other-secret");

        assertThat(send("POST", "/v1_1/other-cloud/image/destroy", "application/x-www-form-urlencoded",
                form(signed(Map.of("public_id", "audit/two"))), null, null).statusCode()).isEqualTo(200);
        JsonNode byAsset = JSON.readTree(get("/v1_1/other-cloud/resources/by_asset_id/" + assetId + "/history", "other-key", "other-secret").body());
        assertThat(byAsset.path("history").size()).isEqualTo(5);
        assertThat(byAsset.path("history").get(4).path("event").asText()).isEqualTo("ResourceDeleted");
        // another cloud's asset is not found
        assertError(get("/v1_1/test-cloud/resources/by_asset_id/" + assetId + "/history", "test-key", "test-secret"), 404,
                "Resource not found - " + assetId);

        JsonNode audit = JSON.readTree(get("/v1_1/other-cloud/audit?actor=other-key&max_results=2", "other-key", "other-secret").body());
        assertThat(audit.path("entries").size()).isEqualTo(2);
        assertThat(audit.path("entries").get(0).path("event").asText()).isEqualTo("ResourceDeleted");
        assertThat(audit.path("entries").get(1).path("event").asText()).isEqualTo("ResourceRenamed");
        JsonNode next = JSON.readTree(get("/v1_1/other-cloud/audit?actor=other-key&max_results=2&next_cursor="
                + audit.path("next_cursor").asText(), "other-key", "other-secret").body());
        assertThat(next.path("entries").get(0).path("event").asText()).isEqualTo("ResourceContextChanged");
        assertThat(JSON.readTree(get("/v1_1/other-cloud/audit?until=2000-01-01T00:00:00Z", "other-key", "other-secret").body())
                .path("entries").size()).isZero();
        assertError(get("/v1_1/other-cloud/audit?next_cursor=forged", "other-key", "other-secret"), 400,
                "Invalid next_cursor");
    }

    @Test
    void changes_refuse_bad_input_and_change_nothing() throws Exception {
        signedUpload("other-cloud", "image", "other-key", "other-secret",
                Map.of("file", dataUri(TestImages.png(5, 5, 4), "image/png"), "public_id", "audit/bad", "tags", "keep"));
        for (String body : List.of("face_coordinates=1,2,3", "custom_coordinates=a,b,c,d", "face_coordinates=1,2,0,4",
                "context=novalue", "moderation_status=maybe", "ocr=adv_ocr", "tags=" + "x".repeat(256))) {
            var response = send("POST", "/v1_1/other-cloud/resources/image/upload/audit/bad", "application/x-www-form-urlencoded",
                    body + "&tags=changed", "other-key", "other-secret");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").path("message").asText()).as(body).isNotBlank();
        }
        assertThat(JSON.readTree(get("/v1_1/other-cloud/resources/image/upload/audit/bad", "other-key", "other-secret").body())
                .path("tags").toString()).isEqualTo("[\"keep\"]");
        assertError(send("POST", "/v1_1/other-cloud/resources/image/upload/audit/nothing", "application/x-www-form-urlencoded",
                "tags=x", "other-key", "other-secret"), 404,
                "Resource not found - audit/nothing");
        assertError(send("POST", "/v1_1/other-cloud/resources/image/upload/audit/bad", "application/x-www-form-urlencoded",
                "tags=x", "test-key", "test-secret"), 401,
                "Invalid credentials for cloud other-cloud: use HTTP Basic with the cloud's api_key and api_secret");
        assertError(send("DELETE", "/v1_1/other-cloud/resources/image/upload", "application/x-www-form-urlencoded", "",
                "other-key", "other-secret"), 400,
                "Missing required parameter - public_ids, prefix or all");
        assertError(send("DELETE", "/v1_1/other-cloud/resources/image/upload", "application/x-www-form-urlencoded",
                "public_ids=" + "x,".repeat(1001), "other-key", "other-secret"), 400,
                "Too many public_ids: 1001 (maximum 1000)");
        assertError(send("DELETE", "/v1_1/other-cloud/resources/image/upload", "application/x-www-form-urlencoded",
                "prefix=a&all=true", "other-key", "other-secret"), 400,
                "Give only one of public_ids, prefix and all");
        assertError(send("POST", "/v1_1/other-cloud/image/tags", "application/x-www-form-urlencoded",
                form(signed(Map.of("command", "explode", "tag", "x", "public_ids", "audit/bad"))), null, null), 400,
                "Invalid command explode (expected add, remove, replace, remove_all or set_exclusive)");
        assertError(send("POST", "/v1_1/other-cloud/image/tags", "application/x-www-form-urlencoded",
                form(signed(Map.of("command", "add", "public_ids", "audit/bad"))), null, null), 400,
                "Missing required parameter - tag");
        var legacy = send("POST", "/v1_1/other-cloud/resources/image/upload", "application/x-www-form-urlencoded",
                "_method=delete&public_ids=audit/bad", "other-key", "other-secret");
        assertThat(legacy.statusCode()).as("legacy http44 DELETE as POST").isEqualTo(200);
        assertThat(JSON.readTree(legacy.body()).path("deleted").path("audit/bad").asText()).isEqualTo("deleted");
    }
}
