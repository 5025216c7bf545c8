package io.darkroom.api.resource.restore;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.api.ApiResponse;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestClock;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trash and restores through the official Java SDK, on a cloud whose trash keeps deleted assets for an hour (the
 * test moves the clock past it instead of waiting).
 */
class SdkRestoreTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    private Cloudinary cloudinary;
    private Api api;

    @BeforeEach
    void connect() {
        cloudinary = new Cloudinary("cloudinary://trash-key:trash-secret@trash-cloud?upload_prefix=http://localhost:" + port);
        api = cloudinary.api();
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private Map<?, ?> upload(byte[] file, String publicId, Map<String, Object> options) throws Exception {
        Map<String, Object> all = new java.util.HashMap<>(options);
        all.put("public_id", publicId);
        all.put("backup", true);
        return cloudinary.uploader().upload(file, all);
    }

    private static byte[] delivered(Object url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Map<?, ?> entry(ApiResponse response, String id) {
        return (Map<?, ?>) response.get(id);
    }

    @Test
    void a_destroyed_asset_comes_back_as_it_was_under_a_new_version() throws Exception {
        byte[] file = TestImages.jpeg(40, 30, 1);
        Map<?, ?> uploaded = upload(file, "rst/one", Map.of("tags", "red,blue", "context", "alt=first",
                "asset_folder", "holiday", "display_name", "One"));
        cloudinary.uploader().destroy("rst/one", ObjectUtils.emptyMap());

        assertThatThrownBy(() -> api.resource("rst/one", ObjectUtils.emptyMap()))
                .as("gone, as for an account without backups").isInstanceOf(com.cloudinary.api.exceptions.NotFound.class);
        ApiResponse placeholder = api.resource("rst/one", ObjectUtils.asMap("versions", true));
        assertThat(placeholder.get("bytes")).isEqualTo(0);
        assertThat(placeholder.get("placeholder")).isEqualTo(true);
        assertThat(placeholder.get("asset_id")).isEqualTo(uploaded.get("asset_id"));
        assertThat(((List<?>) api.resources(ObjectUtils.asMap("prefix", "rst/")).get("resources"))).as("not listed").isEmpty();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(uploaded.get("url").toString())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("not delivered").isEqualTo(404);

        ApiResponse restored = api.restore(List.of("rst/one"), ObjectUtils.emptyMap());
        Map<?, ?> info = entry(restored, "rst/one");
        assertThat(info.get("asset_id")).isEqualTo(uploaded.get("asset_id"));
        assertThat(info.get("bytes")).isEqualTo(uploaded.get("bytes"));
        assertThat(((Number) info.get("version")).longValue()).isGreaterThan(((Number) uploaded.get("version")).longValue());
        ApiResponse details = api.resource("rst/one", ObjectUtils.emptyMap());
        assertThat(details.get("tags")).isEqualTo(List.of("red", "blue"));
        assertThat(details.get("context")).isEqualTo(Map.of("custom", Map.of("alt", "first")));
        assertThat(details.get("asset_folder")).isEqualTo("holiday");
        assertThat(details.get("display_name")).isEqualTo("One");
        assertThat(delivered(details.get("url"))).as("the original's bytes").isEqualTo(file);
        assertThat(((List<?>) api.resourcesByTag("red", ObjectUtils.emptyMap()).get("resources"))).hasSize(1);
    }

    @Test
    void assets_deleted_by_prefix_come_back_by_asset_id() throws Exception {
        List<String> assetIds = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assetIds.add(upload(TestImages.png(8, 8, 10 + i), "prefix/" + i, Map.of()).get("asset_id").toString());
        }
        api.deleteResourcesByPrefix("prefix/", ObjectUtils.emptyMap());
        ApiResponse restored = api.restoreByAssetIds(assetIds, ObjectUtils.emptyMap());
        for (int i = 0; i < 3; i++) {
            Map<?, ?> info = entry(restored, assetIds.get(i));
            assertThat(info.get("public_id")).isEqualTo("prefix/" + i);
            assertThat(delivered(info.get("url"))).isEqualTo(TestImages.png(8, 8, 10 + i));
        }
        assertThat(((List<?>) api.resources(ObjectUtils.asMap("prefix", "prefix/")).get("resources"))).hasSize(3);
    }

    @Test
    void assets_of_a_deleted_folder_come_back_with_their_folder() throws Exception {
        String a = upload(TestImages.png(8, 8, 20), "trip/a", Map.of("asset_folder", "trip")).get("asset_id").toString();
        String b = upload(TestImages.png(8, 8, 21), "trip/b", Map.of("asset_folder", "trip")).get("asset_id").toString();
        api.deleteResourcesByAssetIds(List.of(a, b), ObjectUtils.emptyMap());
        api.deleteFolder("trip", ObjectUtils.emptyMap());
        assertThat(folders()).doesNotContain("trip");

        api.restoreByAssetIds(List.of(a, b), ObjectUtils.emptyMap());
        assertThat(folders()).contains("trip");
        ApiResponse inFolder = api.resourcesByAssetFolder("trip", ObjectUtils.emptyMap());
        assertThat(((List<?>) inFolder.get("resources"))).hasSize(2);
    }

    private List<String> folders() throws Exception {
        return ((List<?>) api.rootFolders(ObjectUtils.emptyMap()).get("folders")).stream()
                .map(f -> ((Map<?, ?>) f).get("path").toString()).toList();
    }

    @Test
    void an_older_version_becomes_current_and_is_delivered() throws Exception {
        byte[] first = TestImages.jpeg(30, 30, 30);
        byte[] second = TestImages.png(30, 30, 31);
        upload(first, "ver/x", Map.of());
        Map<?, ?> overwritten = upload(second, "ver/x", Map.of());
        List<?> versions = (List<?>) api.resource("ver/x", ObjectUtils.asMap("versions", true)).get("versions");
        assertThat(versions).hasSize(2);
        Map<?, ?> oldest = (Map<?, ?>) versions.get(0);
        assertThat(oldest.get("size")).isEqualTo(first.length);
        assertThat(oldest.get("restorable")).isEqualTo(true);

        ApiResponse restored = api.restore(List.of("ver/x"), ObjectUtils.asMap("versions", List.of(oldest.get("version_id"))));
        Map<?, ?> info = entry(restored, "ver/x");
        assertThat(info.get("bytes")).isEqualTo(first.length);
        assertThat(info.get("format")).isEqualTo("jpg");
        assertThat(info.get("asset_id")).isEqualTo(overwritten.get("asset_id"));
        assertThat(delivered(info.get("url"))).isEqualTo(first);
    }

    @Test
    void each_delete_and_upload_under_one_name_is_its_own_asset_and_either_can_be_restored() throws Exception {
        Map<?, ?> first = upload(TestImages.png(10, 10, 40), "same", Map.of());
        api.deleteResources(List.of("same"), ObjectUtils.emptyMap());
        Map<?, ?> second = upload(TestImages.jpeg(12, 12, 41), "same", Map.of());
        assertThat(second.get("asset_id")).as("a new asset").isNotEqualTo(first.get("asset_id"));
        api.deleteResources(List.of("same"), ObjectUtils.emptyMap());

        List<?> versions = (List<?>) api.resource("same", ObjectUtils.asMap("versions", true)).get("versions");
        assertThat(versions).hasSize(2);
        ApiResponse firstBack = api.restore(List.of("same"),
                ObjectUtils.asMap("versions", List.of(((Map<?, ?>) versions.get(0)).get("version_id"))));
        assertThat(entry(firstBack, "same").get("asset_id")).isEqualTo(first.get("asset_id"));
        assertThat(entry(firstBack, "same").get("bytes")).isEqualTo(first.get("bytes"));

        ApiResponse taken = api.restore(List.of("same"),
                ObjectUtils.asMap("versions", List.of(((Map<?, ?>) versions.get(1)).get("version_id"))));
        assertThat(entry(taken, "same").get("error").toString())
                .isEqualTo("The name same is taken by another asset (" + first.get("asset_id") + "): rename or delete it first");
        assertThat(api.resource("same", ObjectUtils.emptyMap()).get("asset_id")).as("unchanged").isEqualTo(first.get("asset_id"));
    }

    @Test
    void a_restore_past_the_retention_is_refused_and_the_sweeper_removes_the_bytes() throws Exception {
        Map<?, ?> uploaded = upload(TestImages.png(9, 9, 50), "late", Map.of());
        api.deleteResources(List.of("late"), ObjectUtils.emptyMap());
        TestClock.advance(Duration.ofMinutes(61));
        ApiResponse refused = api.restore(List.of("late"), ObjectUtils.emptyMap());
        assertThat(entry(refused, "late").get("error").toString()).startsWith("The backup of late is gone: its trash retention has passed");

        sweeper.sweep();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_trash WHERE asset_id = ?", Integer.class,
                uploaded.get("asset_id"))).isZero();
        assertThatThrownBy(() -> api.resource("late", ObjectUtils.emptyMap())).isInstanceOf(com.cloudinary.api.exceptions.NotFound.class);
        JsonNode history = JSON.readTree(get("/v1_1/trash-cloud/resources/by_asset_id/" + uploaded.get("asset_id") + "/history",
                "trash-key", "trash-secret").body());
        JsonNode last = history.path("history").get(history.path("history").size() - 1);
        assertThat(last.path("event").asText()).isEqualTo("ResourceVersionsPurged");
        assertThat(last.path("changes").path("expired").asBoolean()).isTrue();
        assertThat(history.path("history").get(0).path("restorable").asBoolean()).isFalse();
    }

    @Autowired
    io.darkroom.application.resource.restore.TrashSweeper sweeper;

    @Test
    void another_clouds_asset_is_not_found_and_stays_in_its_trash() throws Exception {
        Map<?, ?> uploaded = upload(TestImages.png(9, 9, 60), "mine", Map.of());
        api.deleteResources(List.of("mine"), ObjectUtils.emptyMap());
        HttpResponse<String> response = send("POST", "/v1_1/other-cloud/resources/restore", "application/json",
                "{\"asset_ids\":[\"" + uploaded.get("asset_id") + "\"]}", "other-key", "other-secret");
        assertError(response, 404, "Resource not found - " + uploaded.get("asset_id"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_trash WHERE asset_id = ?", Integer.class,
                uploaded.get("asset_id"))).isEqualTo(1);
    }

    @Test
    void the_node_sdk_restore_shape_json_public_ids_and_versions_is_understood() throws Exception {
        Map<?, ?> uploaded = upload(TestImages.png(7, 7, 70), "node/one", Map.of());
        api.deleteResources(List.of("node/one"), ObjectUtils.emptyMap());
        HttpResponse<String> response = send("POST", "/v1_1/trash-cloud/resources/image/upload/restore", "application/json",
                "{\"public_ids\":[\"node/one\"],\"versions\":[]}", "trash-key", "trash-secret");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("node/one").path("asset_id").asText()).isEqualTo(uploaded.get("asset_id"));
    }

    @Test
    void a_chosen_old_version_can_be_removed_for_good_but_not_the_current_one() throws Exception {
        Map<?, ?> first = upload(TestImages.png(6, 6, 80), "bk", Map.of());
        upload(TestImages.png(6, 6, 81), "bk", Map.of());
        List<?> versions = (List<?>) api.resource("bk", ObjectUtils.asMap("versions", true)).get("versions");
        String old = ((Map<?, ?>) versions.get(0)).get("version_id").toString();
        String current = ((Map<?, ?>) versions.get(1)).get("version_id").toString();
        ApiResponse removed = api.deleteBackedUpAssets(first.get("asset_id").toString(), new String[]{old, current},
                ObjectUtils.emptyMap());
        assertThat(removed.get("deleted_version_ids")).isEqualTo(List.of(old));
        assertThat(removed.get("failed").toString()).contains(current).contains("current version");
        List<?> after = (List<?>) api.resource("bk", ObjectUtils.asMap("versions", true)).get("versions");
        assertThat(((Map<?, ?>) after.get(0)).get("restorable")).isEqualTo(false);
        ApiResponse refused = api.restore(List.of("bk"), ObjectUtils.asMap("versions", List.of(old)));
        assertThat(entry(refused, "bk").get("error").toString()).isEqualTo("The backup of version " + old + " of bk was deleted");
    }

    @Test
    void the_history_links_each_version_and_shows_the_asset_as_it_was() throws Exception {
        byte[] file = TestImages.png(5, 5, 90);
        Map<?, ?> uploaded = upload(file, "hist", Map.of("tags", "before"));
        java.time.Instant between = java.time.Instant.now();
        Thread.sleep(20);
        api.update("hist", ObjectUtils.asMap("tags", "after"));
        api.deleteResources(List.of("hist"), ObjectUtils.emptyMap());
        api.restore(List.of("hist"), ObjectUtils.emptyMap());
        String path = "/v1_1/trash-cloud/resources/by_asset_id/" + uploaded.get("asset_id") + "/history";
        JsonNode history = JSON.readTree(get(path, "trash-key", "trash-secret").body()).path("history");
        assertThat(history.get(3).path("event").asText()).isEqualTo("ResourceRestored");
        assertThat(history.get(3).path("actor").asText()).isEqualTo("trash-key");
        JsonNode first = history.get(0);
        assertThat(first.path("restorable").asBoolean()).isTrue();
        HttpResponse<byte[]> bytes = HTTP.send(HttpRequest.newBuilder(URI.create(first.path("download_url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(file);
        String sdkUrl = cloudinary.downloadBackedupAsset(uploaded.get("asset_id").toString(), first.path("version_id").asText(),
                ObjectUtils.asMap("upload_prefix", "http://localhost:" + port));
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(sdkUrl)).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                .as("the SDK's signed download_backup URL").isEqualTo(file);

        JsonNode asOf = JSON.readTree(get(path + "?as_of=" + between, "trash-key", "trash-secret").body());
        assertThat(asOf.path("resource").path("tags").toString()).isEqualTo("[\"before\"]");
        assertThat(asOf.path("resource").path("status").asText()).isEqualTo("active");
        assertThat(asOf.path("history").size()).isEqualTo(1);
    }

    @Test
    void a_cloud_whose_retention_is_0_removes_the_bytes_at_once_and_restores_nothing() throws Exception {
        Cloudinary none = new Cloudinary("cloudinary://notrash-key:notrash-secret@notrash-cloud?upload_prefix=http://localhost:" + port);
        Map<?, ?> uploaded = none.uploader().upload(TestImages.png(6, 6, 99), ObjectUtils.asMap("public_id", "now"));
        none.uploader().destroy("now", ObjectUtils.emptyMap());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_trash WHERE asset_id = ?", Integer.class,
                uploaded.get("asset_id"))).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_version WHERE asset_id = ? AND purged_at IS NOT NULL",
                Integer.class, uploaded.get("asset_id"))).as("its version purged with the deletion").isEqualTo(1);
        ApiResponse refused = none.api().restoreByAssetIds(List.of(uploaded.get("asset_id").toString()), ObjectUtils.emptyMap());
        assertThat(entry(refused, uploaded.get("asset_id").toString()).get("error"))
                .isEqualTo("No backup found for asset " + uploaded.get("asset_id") + ": its bytes were removed");
    }
}
