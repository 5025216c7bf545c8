package io.darkroom.api.preset;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.api.exceptions.AlreadyExists;
import com.cloudinary.api.exceptions.BadRequest;
import com.cloudinary.api.exceptions.NotFound;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official Java SDK's upload preset calls, modelled on its own AbstractApiTest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkUploadPresetsTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;
    private Api api;

    @BeforeAll
    void connect() {
        cloudinary = new Cloudinary("cloudinary://preset-key:preset-secret@preset-cloud?upload_prefix=http://localhost:" + port);
        api = cloudinary.api();
    }

    @Test
    void created_presets_are_listed_by_name_page_by_page() throws Exception {
        // a cloud of its own: the other tests' presets would be listed too
        Api listed = new Cloudinary("cloudinary://plist-key:plist-secret@plist-cloud?upload_prefix=http://localhost:" + port).api();
        for (String name : List.of("list_c", "list_a", "list_b")) {
            listed.createUploadPreset(ObjectUtils.asMap("name", name, "folder", "f_" + name));
        }
        Map<?, ?> first = listed.uploadPresets(ObjectUtils.asMap("max_results", 2));
        List<Object> names = ((List<?>) first.get("presets")).stream().map(p -> (Object) ((Map<?, ?>) p).get("name")).toList();
        assertThat(names).containsExactly("list_a", "list_b");
        Map<?, ?> second = listed.uploadPresets(ObjectUtils.asMap("max_results", 2, "next_cursor", first.get("next_cursor")));
        assertThat(((Map<?, ?>) ((List<?>) second.get("presets")).get(0)).get("name")).isEqualTo("list_c");
        assertThat(second.get("next_cursor")).isNull();
    }

    @Test
    void a_preset_reads_back_typed_as_the_sdk_expects() throws Exception {
        String[] tags = {"a", "b", "c"};
        Map<String, String> context = Map.of("a", "b", "c", "d");
        Map<?, ?> created = api.createUploadPreset(ObjectUtils.asMap("unsigned", true, "folder", "folder",
                "transformation", new Transformation().width(100).crop("scale"), "tags", tags, "context", context,
                "use_asset_folder_as_public_id_prefix", true));
        String name = created.get("name").toString();
        assertThat(name).matches("[a-z0-9]{8}");
        Map<?, ?> preset = api.uploadPreset(name, ObjectUtils.emptyMap());
        assertThat(preset.get("name")).isEqualTo(name);
        assertThat(preset.get("unsigned")).isEqualTo(true);
        Map<?, ?> settings = (Map<?, ?>) preset.get("settings");
        assertThat(settings.get("folder")).isEqualTo("folder");
        assertThat(settings.get("use_asset_folder_as_public_id_prefix")).isEqualTo(true);
        Map<?, ?> transformation = (Map<?, ?>) ((List<?>) settings.get("transformation")).get(0);
        assertThat(transformation.get("width")).isEqualTo(100);
        assertThat(transformation.get("crop")).isEqualTo("scale");
        assertThat(settings.get("tags")).isEqualTo(List.of("a", "b", "c"));
        assertThat(settings.get("context")).isEqualTo(context);
    }

    @Test
    void an_update_sent_with_the_settings_read_back_keeps_them_and_adds_the_new_ones() throws Exception {
        String name = api.createUploadPreset(ObjectUtils.asMap("folder", "folder")).get("name").toString();
        Map<String, Object> settings = new java.util.HashMap<>((Map<String, Object>) api.uploadPreset(name, ObjectUtils.emptyMap()).get("settings"));
        settings.putAll(ObjectUtils.asMap("colors", true, "unsigned", true, "disallow_public_id", true, "eval", "upload_options['tags'] = 'x'"));
        api.updateUploadPreset(name, settings);
        settings.remove("unsigned");
        Map<?, ?> preset = api.uploadPreset(name, ObjectUtils.emptyMap());
        assertThat(preset.get("unsigned")).isEqualTo(true);
        assertThat(preset.get("settings")).isEqualTo(settings);
    }

    @Test
    void a_transformation_read_back_and_sent_back_by_the_sdk_stays_the_same() throws Exception {
        String name = api.createUploadPreset(ObjectUtils.asMap("transformation",
                new Transformation().width(100).crop("scale").chain().angle(90))).get("name").toString();
        Map<String, Object> settings = new java.util.HashMap<>((Map<String, Object>) api.uploadPreset(name, ObjectUtils.emptyMap()).get("settings"));
        api.updateUploadPreset(name, settings);
        Map<?, ?> after = (Map<?, ?>) api.uploadPreset(name, ObjectUtils.emptyMap()).get("settings");
        assertThat(after).isEqualTo(settings);
        assertThat((List<?>) after.get("transformation")).hasSize(2);
    }

    @Test
    void a_deleted_preset_is_not_found() throws Exception {
        api.createUploadPreset(ObjectUtils.asMap("name", "to_delete", "folder", "folder"));
        assertThat(api.deleteUploadPreset("to_delete", ObjectUtils.emptyMap()).get("message")).isEqualTo("deleted");
        assertThatThrownBy(() -> api.uploadPreset("to_delete", ObjectUtils.emptyMap()))
                .isInstanceOf(NotFound.class).hasMessage("Upload preset to_delete not found");
    }

    @Test
    void every_change_of_a_preset_is_in_the_audit_trail_with_its_actor() throws Exception {
        Api audited = new Cloudinary("cloudinary://plist-key:plist-secret@plist-cloud?upload_prefix=http://localhost:" + port).api();
        audited.createUploadPreset(ObjectUtils.asMap("name", "audited", "folder", "a"));
        audited.updateUploadPreset("audited", ObjectUtils.asMap("unsigned", true));
        audited.deleteUploadPreset("audited", ObjectUtils.emptyMap());
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                get("/v1_1/plist-cloud/audit?max_results=3", "plist-key", "plist-secret").body()).path("entries");
        assertThat(entries.findValuesAsText("event")).containsExactly("UploadPresetDeleted", "UploadPresetUpdated", "UploadPresetCreated");
        assertThat(entries.findValuesAsText("actor")).containsOnly("plist-key");
        assertThat(entries.get(1).path("public_id").asText()).isEqualTo("audited");
        assertThat(entries.get(1).path("changes").path("unsigned").asBoolean()).isTrue();
        assertThat(entries.get(1).path("changes").path("settings").path("folder").asText()).isEqualTo("a");
    }

    @Test
    void a_name_is_taken_once() throws Exception {
        api.createUploadPreset(ObjectUtils.asMap("name", "taken"));
        assertThatThrownBy(() -> api.createUploadPreset(ObjectUtils.asMap("name", "taken")))
                .isInstanceOf(AlreadyExists.class).hasMessage("Upload preset taken already exists");
    }

    @Test
    void a_setting_an_upload_would_refuse_is_refused_on_the_preset() {
        assertThatThrownBy(() -> api.createUploadPreset(ObjectUtils.asMap("name", "bad_t", "transformation", "w_abc")))
                .isInstanceOf(BadRequest.class).hasMessageContaining("Invalid transformation component 'w_abc'");
        assertThatThrownBy(() -> api.createUploadPreset(ObjectUtils.asMap("name", "bad_format", "format", "exe")))
                .isInstanceOf(BadRequest.class).hasMessageStartingWith("Invalid format exe");
    }

    @Test
    void a_parameter_that_is_no_upload_setting_is_refused() throws Exception {
        var response = send("POST", "/v1_1/preset-cloud/upload_presets", "application/x-www-form-urlencoded",
                "name=odd&colour=red", "preset-key", "preset-secret");
        assertError(response, 400, "Invalid upload preset settings: colour (a preset holds upload parameters only)");
    }

    @Test
    void a_signed_upload_takes_the_preset_settings_under_its_own() throws Exception {
        api.createUploadPreset(ObjectUtils.asMap("name", "signed_only", "folder", "presetfolder", "tags", "from_preset",
                "context", "source=preset"));
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.png(20, 10, 1), ObjectUtils.asMap(
                "upload_preset", "signed_only", "public_id", "mine", "tags", "from_call"));
        assertThat(uploaded.get("public_id")).isEqualTo("mine");
        assertThat(uploaded.get("asset_folder")).isEqualTo("presetfolder");
        assertThat(uploaded.get("tags")).isEqualTo(List.of("from_call"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) uploaded.get("context")).get("custom")).get("source")).isEqualTo("preset");
    }

    @Test
    void a_signed_upload_naming_an_unknown_preset_is_refused() {
        assertThatThrownBy(() -> cloudinary.uploader().upload(TestImages.png(4, 4, 1), ObjectUtils.asMap("upload_preset", "nope")))
                .hasMessage("Upload preset not found");
    }
}
