package io.darkroom.api.resource.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw HTTP reproductions of the ways the official SDKs' requests used to fail, each asserting the answer. */
class SdkWireEdgeCasesTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOUD = "edge-cloud";
    private static final String KEY = "edge-key";
    private static final String SECRET = "edge-secret";

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return json(response).path("error").path("message").asText();
    }

    private HttpResponse<String> upload(Map<String, String> params) throws Exception {
        return signedUpload(CLOUD, "image", KEY, SECRET, params);
    }

    private HttpResponse<String> admin(String path) throws Exception {
        return get("/v1_1/" + CLOUD + path, KEY, SECRET);
    }

    private JsonNode uploaded(String publicId, int width, int height, Map<String, String> more) throws Exception {
        Map<String, String> params = new java.util.LinkedHashMap<>(more);
        params.put("file", dataUri(TestImages.png(width, height, publicId.hashCode()), "image/png"));
        params.put("public_id", publicId);
        HttpResponse<String> response = upload(params);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void whole_paths_percent_encoded_by_sdk_2_10_reach_their_routes() throws Exception {
        uploaded("encoded/a", 10, 10, Map.of());
        HttpResponse<String> details = admin("/resources%2Fimage%2Fupload%2Fencoded%2Fa");
        assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
        assertThat(json(details).path("public_id").asText()).isEqualTo("encoded/a");

        HttpResponse<String> deleted = send("DELETE", "/v1_1/" + CLOUD + "/resources%2Fimage%2Fupload",
                "application/x-www-form-urlencoded", "public_ids%5B%5D=encoded%2Fa", KEY, SECRET);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(json(deleted).path("deleted").path("encoded/a").asText()).isEqualTo("deleted");
    }

    @Test
    void a_tag_holding_a_slash_is_listed_when_sent_encoded() throws Exception {
        uploaded("tagged/slash", 10, 10, Map.of("tags", "a/b"));
        HttpResponse<String> byTag = admin("/resources/image/tags/a%2Fb");
        assertThat(byTag.statusCode()).as(byTag.body()).isEqualTo(200);
        assertThat(json(byTag).path("resources").get(0).path("public_id").asText()).isEqualTo("tagged/slash");
    }

    @Test
    void start_at_accepts_rfc_1123_iso_8601_and_javascripts_date_to_string() throws Exception {
        for (String date : List.of("Tue Dec 01 2020 19:58:47 GMT+0000 (Coordinated Universal Time)",
                "Tue Dec 01 2020 21:58:47 GMT+0200", "Tue, 01 Dec 2020 19:58:47 GMT", "2020-12-01T19:58:47Z",
                "2020-12-01T19:58:47", "2020-12-01")) {
            HttpResponse<String> response = admin("/resources/image/upload?start_at=" + URLEncoder.encode(date, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(date + ": " + response.body()).isEqualTo(200);
        }
        HttpResponse<String> bad = admin("/resources/image/upload?start_at=yesterday");
        assertError(bad, 400, "Invalid start_at: yesterday (expected an RFC 1123, ISO 8601 or JavaScript date)");
        assertThat(error(bad)).contains("start_at");
    }

    @Test
    void face_coordinates_on_upload_are_stored_and_clipped_to_the_image() throws Exception {
        JsonNode answer = uploaded("coords/upload", 241, 81, Map.of("face_coordinates", "120,30,109,150",
                "custom_coordinates", "10,10,500,5"));
        assertThat(answer.path("faces").toString()).isEqualTo("[[120,30,109,81]]");
        JsonNode details = json(admin("/resources/image/upload/coords/upload?faces=true&coordinates=true"));
        assertThat(details.path("faces").toString()).isEqualTo("[[120,30,109,81]]");
        assertThat(details.path("coordinates").path("custom").toString()).isEqualTo("[[10,10,241,5]]");

        HttpResponse<String> updated = send("POST", "/v1_1/" + CLOUD + "/resources/image/upload/coords/upload",
                "application/x-www-form-urlencoded", "face_coordinates=" + URLEncoder.encode("200,70,100,100|0,0,5,5", StandardCharsets.UTF_8),
                KEY, SECRET);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).path("faces").toString()).isEqualTo("[[200,70,100,81],[0,0,5,5]]");
    }

    @Test
    void add_on_parameters_are_illegal_values_or_unavailable_add_ons_on_every_call() throws Exception {
        uploaded("addons/target", 10, 10, Map.of());
        String png = dataUri(TestImages.png(10, 10, 5), "image/png");
        Map<String, String> illegal = Map.of("raw_convert", "illegal", "categorization", "nonsense", "detection", "bogus",
                "background_removal", "magic", "auto_tagging", "2", "ocr", "maybe", "moderation", "bogus");
        Map<String, String> legal = Map.of("raw_convert", "aspose", "categorization", "google_tagging,imagga_tagging",
                "detection", "coco", "background_removal", "cloudinary_ai", "auto_tagging", "0.6", "ocr", "adv_ocr",
                "moderation", "webpurify");
        for (Map.Entry<String, String> addOn : illegal.entrySet()) {
            HttpResponse<String> up = upload(Map.of("file", png, "public_id", "addons/new", addOn.getKey(), addOn.getValue()));
            assertThat(up.statusCode()).as(addOn.getKey()).isEqualTo(400);
            assertThat(error(up)).as(addOn.getKey()).contains("Illegal value").contains(addOn.getKey());
            HttpResponse<String> explicit = explicit(Map.of("public_id", "addons/target", addOn.getKey(), addOn.getValue()));
            assertThat(explicit.statusCode()).as(addOn.getKey()).isEqualTo(400);
            assertThat(error(explicit)).as(addOn.getKey()).contains("Illegal value");
        }
        for (Map.Entry<String, String> addOn : legal.entrySet()) {
            HttpResponse<String> up = upload(Map.of("file", png, "public_id", "addons/new", addOn.getKey(), addOn.getValue()));
            assertThat(up.statusCode()).as(addOn.getKey()).isEqualTo(400);
            assertThat(error(up)).as(addOn.getKey()).contains("not available").doesNotContain("Illegal");
        }
        HttpResponse<String> update = send("POST", "/v1_1/" + CLOUD + "/resources/image/upload/addons/target",
                "application/x-www-form-urlencoded", "raw_convert=illegal", KEY, SECRET);
        assertError(update, 400, "Illegal value illegal for parameter raw_convert");
        assertThat(error(update)).contains("Illegal value illegal for parameter raw_convert");
        HttpResponse<String> legalUpdate = send("POST", "/v1_1/" + CLOUD + "/resources/image/upload/addons/target",
                "application/x-www-form-urlencoded", "ocr=adv_ocr", KEY, SECRET);
        assertThat(error(legalUpdate)).contains("not available");
        assertThat(json(admin("/resources/image/upload?prefix=addons/")).path("resources")).hasSize(1);
    }

    private HttpResponse<String> explicit(Map<String, String> params) throws Exception {
        Map<String, String> all = new java.util.LinkedHashMap<>(params);
        all.put("timestamp", String.valueOf(java.time.Instant.now().getEpochSecond()));
        all.put("api_key", KEY);
        all.put("signature", sign(all, SECRET, "SHA-1"));
        return send("POST", "/v1_1/" + CLOUD + "/image/explicit", "application/x-www-form-urlencoded", form(all), null, null);
    }

    @Test
    void explicit_applies_updatable_fields_and_derives_eager_transformations() throws Exception {
        uploaded("explicit/raw-http", 241, 81, Map.of("tags", "old"));
        HttpResponse<String> response = explicit(Map.of("public_id", "explicit/raw-http", "tags", "new,fresh",
                "context", "alt=An image", "face_coordinates", "120,30,109,150", "moderation", "manual"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("tags").toString()).isEqualTo("[\"new\",\"fresh\"]");
        assertThat(body.path("context").path("custom").path("alt").asText()).isEqualTo("An image");
        assertThat(body.path("faces").toString()).isEqualTo("[[120,30,109,81]]");
        assertThat(body.path("signature").asText()).matches("[0-9a-f]{40}");
        assertThat(json(admin("/resources/image/moderations/manual/pending")).path("resources").toString()).contains("explicit/raw-http");

        HttpResponse<String> eager = explicit(Map.of("public_id", "explicit/raw-http", "eager", "w_100|c_fill,w_20,h_20"));
        assertThat(eager.statusCode()).as(eager.body()).isEqualTo(200);
        assertThat(json(eager).path("eager").get(0).path("width").asInt()).isEqualTo(100);
        assertThat(json(eager).path("eager").get(1).path("height").asInt()).isEqualTo(20);
        HttpResponse<String> badEager = explicit(Map.of("public_id", "explicit/raw-http", "eager", "w_100,e_cartoonify"));
        assertError(badEager, 400, "Transformation not supported yet: effect cartoonify");
        assertThat(error(badEager)).contains("effect cartoonify");
        HttpResponse<String> missing = explicit(Map.of("public_id", "explicit/none", "tags", "x"));
        assertError(missing, 404, "Resource not found - explicit/none");
        HttpResponse<String> unsigned = send("POST", "/v1_1/" + CLOUD + "/image/explicit", "application/x-www-form-urlencoded",
                "public_id=explicit%2Fraw-http&tags=hacked", null, null);
        assertError(unsigned, 401, "Must supply api_key");
        assertThat(json(admin("/resources/image/upload/explicit/raw-http")).path("tags").toString()).isEqualTo("[\"new\",\"fresh\"]");
    }

    @Test
    void resources_by_context_and_by_asset_id_do_not_collide_with_other_routes() throws Exception {
        JsonNode a = uploaded("ctx/a", 10, 10, Map.of("context", "season=summer|mood=calm"));
        uploaded("ctx/b", 10, 10, Map.of("context", "season=winter"));
        uploaded("ctx/c", 10, 10, Map.of());
        HttpResponse<String> byKey = admin("/resources/image/context?key=season");
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);
        assertThat(json(byKey).path("resources").findValuesAsText("public_id")).containsExactly("ctx/b", "ctx/a");
        HttpResponse<String> byValue = admin("/resources/image/context?key=season&value=summer&context=true");
        assertThat(json(byValue).path("resources").findValuesAsText("public_id")).containsExactly("ctx/a");
        assertThat(json(byValue).path("resources").get(0).path("context").path("custom").path("mood").asText()).isEqualTo("calm");
        JsonNode firstPage = json(admin("/resources/image/context?key=season&max_results=1"));
        assertThat(firstPage.path("resources")).hasSize(1);
        JsonNode second = json(admin("/resources/image/context?key=season&max_results=1&next_cursor=" + firstPage.path("next_cursor").asText()));
        assertThat(second.path("resources").get(0).path("public_id").asText()).isEqualTo("ctx/a");
        assertError(admin("/resources/image/context"), 400, "Missing required parameter - key");

        HttpResponse<String> byAssetId = admin("/resources/" + a.path("asset_id").asText() + "?colors=true");
        assertThat(byAssetId.statusCode()).as(byAssetId.body()).isEqualTo(200);
        assertThat(json(byAssetId).path("public_id").asText()).isEqualTo("ctx/a");
        assertThat(json(byAssetId).path("colors").isArray()).isTrue();
        assertError(admin("/resources/0123456789abcdef0123456789abcdef"), 404,
                "Resource not found - 0123456789abcdef0123456789abcdef");

        HttpResponse<String> fields = admin("/resources/image/upload?prefix=ctx/&fields=tags,width");
        JsonNode item = json(fields).path("resources").get(0);
        List<String> names = new java.util.ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("asset_id", "public_id", "tags", "width");
        List<String> detailNames = new java.util.ArrayList<>();
        json(admin("/resources/" + a.path("asset_id").asText() + "?fields=bytes,context")).fieldNames().forEachRemaining(detailNames::add);
        assertThat(detailNames).containsExactlyInAnyOrder("asset_id", "public_id", "bytes", "context");
    }

    @Test
    void an_update_by_asset_id_changes_that_asset_only_in_its_own_cloud() throws Exception {
        JsonNode asset = uploaded("byid/target", 10, 10, Map.of("tags", "before"));
        String path = "/v1_1/" + CLOUD + "/resources/" + asset.path("asset_id").asText();
        HttpResponse<String> updated = send("PUT", path, "application/x-www-form-urlencoded", "tags=after%2Cnow", KEY, SECRET);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).path("tags").toString()).isEqualTo("[\"after\",\"now\"]");
        HttpResponse<String> foreign = send("PUT", "/v1_1/test-cloud/resources/" + asset.path("asset_id").asText(),
                "application/x-www-form-urlencoded", "tags=stolen", "test-key", "test-secret");
        assertError(foreign, 404, "Resource not found - " + asset.path("asset_id").asText());
        assertThat(json(admin("/resources/image/upload/byid/target")).path("tags").toString()).isEqualTo("[\"after\",\"now\"]");
    }

    @Test
    void a_bearer_token_is_an_invalid_token_not_a_basic_auth_complaint() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/v1_1/" + CLOUD + "/resources/image"))
                .header("Authorization", "Bearer abc.def.ghi").build(), HttpResponse.BodyHandlers.ofString());
        assertError(response, 401, "Invalid token");
        assertThat(error(response)).isEqualTo("Invalid token");
    }
}
