package io.darkroom.api.e2e;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.api.ApiResponse;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing and deleting resources with the official Cloudinary Java SDK, checked through listings and details. */
class SdkManagementTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;
    private Api api;

    @BeforeEach
    void connect() {
        cloudinary = new Cloudinary("cloudinary://manage-key:manage-secret@manage-cloud?upload_prefix=http://localhost:" + port);
        api = cloudinary.api();
    }

    private String upload(String publicId, String tags) throws Exception {
        Map<?, ?> result = cloudinary.uploader().upload(TestImages.png(20, 10, publicId.hashCode()),
                ObjectUtils.asMap("public_id", publicId, "tags", tags, "context", "alt=first"));
        return result.get("asset_id").toString();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(Object::toString).toList();
    }

    private static List<String> publicIds(ApiResponse response) {
        return ((List<?>) response.get("resources")).stream().map(r -> ((Map<?, ?>) r).get("public_id").toString()).toList();
    }

    @Test
    void update_replaces_tags_context_coordinates_and_moderates() throws Exception {
        upload("upd/one", "a,b");
        ApiResponse updated = api.update("upd/one", ObjectUtils.asMap("tags", "c,d", "context", "alt=second|caption=x\\|y",
                "face_coordinates", "10,20,5,6|1,2,3,4", "custom_coordinates", "7,8,9,10", "moderation_status", "approved"));
        assertThat(strings(updated.get("tags"))).containsExactly("c", "d");
        assertThat(updated.get("context")).isEqualTo(Map.of("custom", Map.of("alt", "second", "caption", "x|y")));
        assertThat(updated.get("moderation_status")).isEqualTo("approved");
        ApiResponse details = api.resource("upd/one", ObjectUtils.asMap("coordinates", true));
        // the image is 20 x 10: a corner moves inside it and width and height are each at most the image's, as Cloudinary does
        assertThat(details.get("coordinates")).isEqualTo(Map.of("faces", List.of(List.of(10, 9, 5, 6), List.of(1, 2, 3, 4)),
                "custom", List.of(List.of(7, 8, 9, 10))));
        assertThat(publicIds(api.resourcesByModeration("manual", "approved", ObjectUtils.emptyMap()))).contains("upd/one");
        assertThat(publicIds(api.resourcesByTag("a", ObjectUtils.emptyMap()))).doesNotContain("upd/one");
        assertThat(publicIds(api.resourcesByTag("d", ObjectUtils.emptyMap()))).contains("upd/one");
        assertThatThrownBy(() -> api.update("upd/one", ObjectUtils.asMap("auto_tagging", 0.5)))
                .isInstanceOf(com.cloudinary.api.exceptions.BadRequest.class).hasMessageContaining("auto_tagging");
        assertThatThrownBy(() -> api.update("upd/missing", ObjectUtils.asMap("tags", "x")))
                .isInstanceOf(com.cloudinary.api.exceptions.NotFound.class);
    }

    @Test
    void tag_commands_change_tags_of_many_resources() throws Exception {
        upload("tag/1", "keep");
        upload("tag/2", "keep,drop");
        Map<?, ?> added = cloudinary.uploader().addTag("new", new String[]{"tag/1", "tag/2", "tag/none"}, ObjectUtils.emptyMap());
        assertThat(strings(added.get("public_ids"))).containsExactly("tag/1", "tag/2");
        cloudinary.uploader().removeTag("drop", new String[]{"tag/2"}, ObjectUtils.emptyMap());
        assertThat(strings(api.resource("tag/2", ObjectUtils.emptyMap()).get("tags"))).containsExactly("keep", "new");
        cloudinary.uploader().replaceTag("only", new String[]{"tag/1"}, ObjectUtils.emptyMap());
        assertThat(strings(api.resource("tag/1", ObjectUtils.emptyMap()).get("tags"))).containsExactly("only");
        cloudinary.uploader().removeAllTags(new String[]{"tag/1", "tag/2"}, ObjectUtils.emptyMap());
        assertThat(strings(api.resource("tag/1", ObjectUtils.emptyMap()).get("tags"))).isEmpty();
        assertThat(strings(api.resource("tag/2", ObjectUtils.emptyMap()).get("tags"))).isEmpty();
        assertThat(publicIds(api.resourcesByTag("keep", ObjectUtils.emptyMap()))).isEmpty();
    }

    @Test
    void context_commands_add_and_remove_all() throws Exception {
        upload("ctx/1", "");
        cloudinary.uploader().addContext(ObjectUtils.asMap("caption", "hello=world"), new String[]{"ctx/1"}, ObjectUtils.emptyMap());
        assertThat(api.resource("ctx/1", ObjectUtils.emptyMap()).get("context"))
                .isEqualTo(Map.of("custom", Map.of("alt", "first", "caption", "hello=world")));
        cloudinary.uploader().removeAllContext(new String[]{"ctx/1"}, ObjectUtils.emptyMap());
        assertThat(api.resource("ctx/1", ObjectUtils.emptyMap()).get("context")).isNull();
    }

    @Test
    void destroy_removes_one_resource_and_its_name_can_be_reused_by_a_new_asset() throws Exception {
        String first = upload("gone/1", "x");
        Map<?, ?> destroyed = cloudinary.uploader().destroy("gone/1", ObjectUtils.asMap("invalidate", true));
        assertThat(destroyed.get("result")).isEqualTo("ok");
        assertThat(cloudinary.uploader().destroy("gone/1", ObjectUtils.emptyMap()).get("result")).isEqualTo("not found");
        assertThatThrownBy(() -> api.resource("gone/1", ObjectUtils.emptyMap())).isInstanceOf(com.cloudinary.api.exceptions.NotFound.class);
        String second = upload("gone/1", "y");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void rename_keeps_the_asset_and_refuses_a_taken_name_unless_overwriting() throws Exception {
        String asset = upload("ren/from", "r");
        upload("ren/taken", "t");
        Map<?, ?> renamed = cloudinary.uploader().rename("ren/from", "ren/to", ObjectUtils.emptyMap());
        assertThat(renamed.get("public_id")).isEqualTo("ren/to");
        assertThat(renamed.get("asset_id")).isEqualTo(asset);
        assertThatThrownBy(() -> api.resource("ren/from", ObjectUtils.emptyMap())).isInstanceOf(com.cloudinary.api.exceptions.NotFound.class);
        assertThatThrownBy(() -> cloudinary.uploader().rename("ren/to", "ren/taken", ObjectUtils.emptyMap()))
                .hasMessageContaining("already exists");
        Map<?, ?> overwritten = cloudinary.uploader().rename("ren/to", "ren/taken", ObjectUtils.asMap("overwrite", true));
        assertThat(overwritten.get("asset_id")).isEqualTo(asset);
        assertThat(api.resource("ren/taken", ObjectUtils.emptyMap()).get("asset_id")).isEqualTo(asset);
        assertThat(publicIds(api.resourcesByTag("t", ObjectUtils.emptyMap()))).isEmpty();
    }

    @Test
    void delete_calls_by_ids_prefix_tag_and_all() throws Exception {
        upload("del/a", "");
        upload("del/b", "");
        upload("del/c", "bytag");
        upload("pre/x", "");
        upload("pre/y", "");
        ApiResponse byIds = api.deleteResources(Arrays.asList("del/a", "del/missing"), ObjectUtils.emptyMap());
        assertThat(byIds.get("deleted")).isEqualTo(Map.of("del/a", "deleted", "del/missing", "not_found"));
        assertThat(byIds.get("partial")).isEqualTo(false);
        assertThat(((Map<?, ?>) byIds.get("deleted_counts")).get("del/a")).isEqualTo(Map.of("original", 1, "derived", 0));
        ApiResponse byPrefix = api.deleteResourcesByPrefix("pre/", ObjectUtils.emptyMap());
        assertThat(byPrefix.get("deleted")).isEqualTo(Map.of("pre/x", "deleted", "pre/y", "deleted"));
        ApiResponse byTag = api.deleteResourcesByTag("bytag", ObjectUtils.emptyMap());
        assertThat(byTag.get("deleted")).isEqualTo(Map.of("del/c", "deleted"));
        ApiResponse keep = api.deleteResources(Arrays.asList("del/b"), ObjectUtils.asMap("keep_original", true));
        assertThat(keep.get("deleted")).isEqualTo(Map.of("del/b", "deleted"));
        assertThat(api.resource("del/b", ObjectUtils.emptyMap()).get("public_id")).isEqualTo("del/b");
        assertThat(publicIds(api.resources(ObjectUtils.asMap("type", "upload", "prefix", "del/")))).containsExactly("del/b");
        ApiResponse derived = api.deleteDerivedResources(Arrays.asList("abc123"), ObjectUtils.emptyMap());
        assertThat(derived.get("deleted")).isEqualTo(Map.of("abc123", "not_found"));
    }

    @Test
    void delete_all_empties_a_type() throws Exception {
        upload("all/1", "");
        Map<?, ?> privateUpload = cloudinary.uploader().upload(TestImages.png(5, 5, 1), ObjectUtils.asMap("public_id", "p/1", "type", "private"));
        assertThat(privateUpload.get("type")).isEqualTo("private");
        ApiResponse all = api.deleteAllResources(ObjectUtils.asMap("type", "private"));
        assertThat(all.get("deleted")).isEqualTo(Map.of("p/1", "deleted"));
        assertThat(publicIds(api.resources(ObjectUtils.asMap("type", "private")))).isEmpty();
        assertThat(api.resource("all/1", ObjectUtils.emptyMap()).get("public_id")).isEqualTo("all/1");
    }
}
