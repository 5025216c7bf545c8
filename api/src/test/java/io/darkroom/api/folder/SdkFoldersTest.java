package io.darkroom.api.folder;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.api.exceptions.BadRequest;
import com.cloudinary.api.exceptions.NotFound;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dynamic folders through the official Java SDK: uploads filed apart from their public ids, the Folders API, moves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkFoldersTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;
    private Api api;

    @BeforeAll
    void connect() {
        cloudinary = new Cloudinary("cloudinary://folder-key:folder-secret@folder-cloud?upload_prefix=http://localhost:" + port);
        api = cloudinary.api();
    }

    private Map<?, ?> upload(Map<String, Object> options) throws Exception {
        return cloudinary.uploader().upload(TestImages.png(8, 6, options.hashCode()), options);
    }

    private static List<Object> paths(Map<?, ?> listing) {
        return ((List<?>) listing.get("folders")).stream().map(f -> (Object) ((Map<?, ?>) f).get("path")).toList();
    }

    @Test
    void the_configuration_says_dynamic_unless_the_cloud_is_configured_fixed() throws Exception {
        assertThat(((Map<?, ?>) api.configuration(ObjectUtils.asMap("settings", true)).get("settings")).get("folder_mode"))
                .isEqualTo("dynamic");
        Api fixed = new Cloudinary("cloudinary://fixed-key:fixed-secret@fixed-cloud?upload_prefix=http://localhost:" + port).api();
        assertThat(((Map<?, ?>) fixed.configuration(ObjectUtils.asMap("settings", true)).get("settings")).get("folder_mode"))
                .isEqualTo("fixed");
    }

    @Test
    void folder_files_the_upload_without_prefixing_its_public_id() throws Exception {
        Map<?, ?> uploaded = upload(ObjectUtils.asMap("folder", "shop/shoes", "public_id", "red_shoe"));
        assertThat(uploaded.get("public_id")).isEqualTo("red_shoe");
        assertThat(uploaded.get("asset_folder")).isEqualTo("shop/shoes");
        assertThat(uploaded.get("display_name")).isEqualTo("red_shoe");
        assertThat(uploaded.containsKey("folder")).isFalse();
        assertThat(paths(api.rootFolders(ObjectUtils.emptyMap()))).contains("shop");
        assertThat(paths(api.subFolders("shop", ObjectUtils.emptyMap()))).containsExactly("shop/shoes");
    }

    @Test
    void use_asset_folder_as_public_id_prefix_puts_the_folder_in_the_public_id_too() throws Exception {
        Map<?, ?> uploaded = upload(ObjectUtils.asMap("asset_folder", "prefixed", "public_id", "one",
                "use_asset_folder_as_public_id_prefix", true));
        assertThat(uploaded.get("public_id")).isEqualTo("prefixed/one");
        assertThat(uploaded.get("asset_folder")).isEqualTo("prefixed");
    }

    @Test
    void a_taken_display_name_gets_a_suffix_with_unique_display_name() throws Exception {
        upload(ObjectUtils.asMap("asset_folder", "names", "display_name", "Holiday"));
        Map<?, ?> second = upload(ObjectUtils.asMap("asset_folder", "names", "display_name", "Holiday", "unique_display_name", true));
        assertThat(second.get("display_name").toString()).matches("Holiday_[a-z0-9]{6}");
        Map<?, ?> third = upload(ObjectUtils.asMap("asset_folder", "names", "display_name", "Holiday"));
        assertThat(third.get("display_name")).isEqualTo("Holiday");
    }

    @Test
    void the_file_name_becomes_the_display_name_when_asked() throws Exception {
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.png(8, 6, 77), ObjectUtils.asMap("filename_override",
                "Beach at dawn.png", "use_filename_as_display_name", true));
        assertThat(uploaded.get("display_name")).isEqualTo("Beach at dawn");
    }

    @Test
    void an_update_moves_and_renames_the_asset_and_its_history_says_who() throws Exception {
        Map<?, ?> uploaded = upload(ObjectUtils.asMap("asset_folder", "inbox", "public_id", "to_move"));
        Map<?, ?> updated = api.update("to_move", ObjectUtils.asMap("asset_folder", "archive/2026", "display_name", "Moved one"));
        assertThat(updated.get("asset_folder")).isEqualTo("archive/2026");
        assertThat(updated.get("display_name")).isEqualTo("Moved one");
        assertThat(updated.get("public_id")).isEqualTo("to_move");
        HttpResponse<String> history = get("/v1_1/folder-cloud/resources/by_asset_id/" + uploaded.get("asset_id") + "/history",
                "folder-key", "folder-secret");
        assertThat(history.body()).contains("\"event\":\"ResourceMoved\"").contains("\"actor\":\"folder-key\"")
                .contains("\"to_asset_folder\":\"archive/2026\"").contains("\"from_asset_folder\":\"inbox\"");
        assertThat(paths(api.subFolders("archive", ObjectUtils.emptyMap()))).containsExactly("archive/2026");
    }

    @Test
    void creating_a_folder_creates_its_parents() throws Exception {
        Map<?, ?> created = api.createFolder("made/by/hand", ObjectUtils.emptyMap());
        assertThat(created.get("success")).isEqualTo(true);
        assertThat(created.get("path")).isEqualTo("made/by/hand");
        assertThat(created.get("name")).isEqualTo("hand");
        assertThat(paths(api.subFolders("made", ObjectUtils.emptyMap()))).containsExactly("made/by");
        assertThat(api.subFolders("made/by", ObjectUtils.emptyMap()).get("total_count")).isEqualTo(1);
    }

    @Test
    void only_an_empty_folder_can_be_deleted_with_its_subfolders() throws Exception {
        api.createFolder("empty/inner", ObjectUtils.emptyMap());
        upload(ObjectUtils.asMap("asset_folder", "full/inner"));
        assertThatThrownBy(() -> api.deleteFolder("full", ObjectUtils.emptyMap())).isInstanceOf(BadRequest.class)
                .hasMessage("Folder is not empty");
        Map<?, ?> deleted = api.deleteFolder("empty", ObjectUtils.emptyMap());
        assertThat(deleted.get("deleted")).isEqualTo(List.of("empty", "empty/inner"));
        assertThat(paths(api.rootFolders(ObjectUtils.asMap("max_results", 500)))).doesNotContain("empty").contains("full");
        assertThatThrownBy(() -> api.subFolders("empty", ObjectUtils.emptyMap())).isInstanceOf(NotFound.class)
                .hasMessage("Can't find folder with path empty");
    }

    @Test
    void folder_names_with_parent_segments_or_refused_characters_are_a_400() throws Exception {
        assertThatThrownBy(() -> api.createFolder("a/../b", ObjectUtils.emptyMap())).isInstanceOf(BadRequest.class)
                .hasMessage("Folder path has an empty, dot or padded segment: a/../b");
        // the SDK's uploader reports every error as a RuntimeException with the message
        assertThatThrownBy(() -> upload(ObjectUtils.asMap("asset_folder", "bad+name")))
                .hasMessage("Folder path contains a character that is not allowed (+): bad+name");
    }

    @Test
    void root_folders_page_by_cursor() throws Exception {
        Api paged = new Cloudinary("cloudinary://fpage-key:fpage-secret@fpage-cloud?upload_prefix=http://localhost:" + port).api();
        for (String name : List.of("page_c", "page_a", "page_b")) {
            paged.createFolder(name, ObjectUtils.emptyMap());
        }
        Map<?, ?> first = paged.rootFolders(ObjectUtils.asMap("max_results", 2));
        assertThat(first.get("total_count")).isEqualTo(3);
        assertThat(paths(first)).containsExactly("page_a", "page_b");
        Map<?, ?> second = paged.rootFolders(ObjectUtils.asMap("max_results", 2, "next_cursor", first.get("next_cursor")));
        assertThat(paths(second)).containsExactly("page_c");
        assertThat(second.get("next_cursor")).isNull();
    }

    @Test
    void folders_are_found_by_name_through_the_sdks_folder_search() throws Exception {
        api.createFolder("searchable/kittens", ObjectUtils.emptyMap());
        Map<?, ?> result = cloudinary.searchFolders().expression("name:kittens").execute();
        assertThat(paths(result)).containsExactly("searchable/kittens");
        Map<?, ?> subtree = cloudinary.searchFolders().expression("path:searchable/*").execute();
        assertThat(paths(subtree)).containsExactly("searchable", "searchable/kittens");
    }

    @Test
    void by_asset_folder_lists_the_assets_of_that_folder_only() throws Exception {
        Map<?, ?> inside = upload(ObjectUtils.asMap("asset_folder", "listed"));
        upload(ObjectUtils.asMap("asset_folder", "listed/deeper"));
        Map<?, ?> listing = api.resourcesByAssetFolder("listed", ObjectUtils.asMap("tags", true));
        List<?> resources = (List<?>) listing.get("resources");
        assertThat(resources).hasSize(1);
        assertThat(((Map<?, ?>) resources.get(0)).get("asset_id")).isEqualTo(inside.get("asset_id"));
        assertThat(((Map<?, ?>) resources.get(0)).get("tags")).isEqualTo(List.of());
    }

    @Test
    void fixed_mode_keeps_the_folder_in_the_public_id_and_lists_folders_from_it() throws Exception {
        Cloudinary fixed = new Cloudinary("cloudinary://fixed-key:fixed-secret@fixed-cloud?upload_prefix=http://localhost:" + port);
        Map<?, ?> uploaded = fixed.uploader().upload(TestImages.png(8, 6, 5), ObjectUtils.asMap("folder", "albums/2026",
                "public_id", "cover"));
        assertThat(uploaded.get("public_id")).isEqualTo("albums/2026/cover");
        assertThat(uploaded.get("folder")).isEqualTo("albums/2026");
        assertThat(uploaded.containsKey("asset_folder")).isFalse();
        assertThat(paths(fixed.api().subFolders("albums", ObjectUtils.emptyMap()))).containsExactly("albums/2026");
        fixed.uploader().rename("albums/2026/cover", "posters/cover", ObjectUtils.emptyMap());
        assertThat(paths(fixed.api().rootFolders(ObjectUtils.emptyMap()))).contains("posters");
        assertThatThrownBy(() -> fixed.api().renameFolder("posters", "prints", ObjectUtils.emptyMap()))
                .isInstanceOf(BadRequest.class).hasMessageStartingWith("Renaming a folder needs dynamic folder mode");
        Map<?, ?> found = fixed.search().expression("folder=posters").execute();
        assertThat(((List<?>) found.get("resources")).stream().map(r -> (Object) ((Map<?, ?>) r).get("public_id")).toList())
                .containsExactly("posters/cover");
        assertThat(((Map<?, ?>) ((List<?>) found.get("resources")).get(0)).get("folder")).isEqualTo("posters");
    }
}
