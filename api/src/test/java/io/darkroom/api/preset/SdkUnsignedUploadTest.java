package io.darkroom.api.preset;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.api.exceptions.NotFound;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import io.darkroom.api.resource.upload.DeleteTokens;
import io.darkroom.application.cloud.Cloud;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official Java SDK's unsigned uploads (as browsers send them: no api_key, no signature) through upload presets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkUnsignedUploadTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;
    private Api api;

    @BeforeAll
    void presets() throws Exception {
        cloudinary = new Cloudinary("cloudinary://preset-key:preset-secret@preset-cloud?upload_prefix=http://localhost:" + port);
        api = cloudinary.api();
        api.createUploadPreset(ObjectUtils.asMap("name", "browser", "unsigned", true, "folder", "uploads", "tags", "from_browser",
                "return_delete_token", true));
        api.createUploadPreset(ObjectUtils.asMap("name", "server_only", "folder", "private"));
        api.createUploadPreset(ObjectUtils.asMap("name", "fixed_names", "unsigned", true, "disallow_public_id", true));
        api.createUploadPreset(ObjectUtils.asMap("name", "thumbs", "unsigned", true, "transformation", "c_scale,w_100"));
        api.createUploadPreset(ObjectUtils.asMap("name", "png_only", "unsigned", true, "allowed_formats", "png"));
        api.createUploadPreset(ObjectUtils.asMap("name", "to_png", "unsigned", true, "allowed_formats", "png", "format", "png"));
    }

    private Map<?, ?> unsigned(byte[] file, String preset, Map<String, Object> options) throws Exception {
        return cloudinary.uploader().unsignedUpload(file, preset, options);
    }

    private BufferedImage delivered(Map<?, ?> result) throws Exception {
        return TestImages.decoded(HTTP.send(HttpRequest.newBuilder(URI.create(result.get("url").toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    @Test
    void an_unsigned_preset_takes_an_upload_with_no_key_and_no_signature() throws Exception {
        Map<?, ?> result = unsigned(TestImages.png(30, 20, 1), "browser", ObjectUtils.asMap("public_id", "cat"));
        // dynamic folder mode: the preset's folder files the asset, its public id stays as given
        assertThat(result.get("public_id")).isEqualTo("cat");
        assertThat(result.get("asset_folder")).isEqualTo("uploads");
        assertThat(result.get("tags")).isEqualTo(List.of("from_browser"));
        assertThat(api.resource("cat", ObjectUtils.emptyMap()).get("asset_id")).isEqualTo(result.get("asset_id"));
        String history = get("/v1_1/preset-cloud/resources/image/upload/cat/history", "preset-key", "preset-secret").body();
        assertThat(history).contains("\"actor\":\"upload_preset:browser\"");
    }

    @Test
    void a_signed_only_preset_refuses_unsigned_uploads() {
        assertThatThrownBy(() -> unsigned(TestImages.png(4, 4, 1), "server_only", ObjectUtils.emptyMap()))
                .hasMessage("Upload preset must be whitelisted for unsigned uploads");
    }

    @Test
    void an_unknown_preset_is_refused() {
        assertThatThrownBy(() -> unsigned(TestImages.png(4, 4, 1), "no_such", ObjectUtils.emptyMap()))
                .hasMessage("Upload preset not found");
    }

    @Test
    void an_upload_without_signature_or_preset_is_refused() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/v1_1/preset-cloud/image/upload"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("file=" + java.net.URLEncoder.encode(dataUri(TestImages.png(4, 4, 1),
                        "image/png"), java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertError(response, 400, "Upload preset must be specified when using unsigned upload");
    }

    @Test
    void an_unsigned_upload_may_not_set_what_belongs_on_the_preset() {
        assertThatThrownBy(() -> unsigned(TestImages.png(4, 4, 1), "browser", ObjectUtils.asMap("eager",
                List.of(new com.cloudinary.Transformation().width(10)), "overwrite", true)))
                .hasMessage("Unsigned uploads may not set eager, overwrite: set them on the upload preset browser, or sign the upload");
    }

    @Test
    void a_preset_that_disallows_public_ids_refuses_one() {
        assertThatThrownBy(() -> unsigned(TestImages.png(4, 4, 1), "fixed_names", ObjectUtils.asMap("public_id", "chosen")))
                .hasMessage("public_id is not allowed by upload preset fixed_names");
    }

    @Test
    void upload_large_works_unsigned_in_parts() throws Exception {
        byte[] image = TestImages.noisePng(1400, 1400, 4);
        assertThat(image.length).isGreaterThan(5_500_000);
        Path file = Files.createTempFile("unsigned-large", ".png");
        Files.write(file, image);
        Map<?, ?> result = cloudinary.uploader().uploadLarge(file.toFile(), ObjectUtils.asMap("unsigned", true,
                "upload_preset", "browser", "public_id", "large", "chunk_size", 5 * 1024 * 1024));
        Files.delete(file);
        assertThat(result.get("public_id")).isEqualTo("large");
        assertThat(((Number) result.get("bytes")).longValue()).isEqualTo(image.length);
        assertThat(result.get("width")).isEqualTo(1400);
    }

    @Test
    void an_incoming_transformation_changes_what_is_stored() throws Exception {
        Map<?, ?> result = unsigned(TestImages.png(400, 200, 2), "thumbs", ObjectUtils.emptyMap());
        assertThat(result.get("width")).isEqualTo(100);
        assertThat(result.get("height")).isEqualTo(50);
        BufferedImage stored = delivered(result);
        assertThat(stored.getWidth()).isEqualTo(100);
        assertThat(stored.getHeight()).isEqualTo(50);
    }

    @Test
    void a_format_outside_allowed_formats_is_refused() {
        assertThatThrownBy(() -> unsigned(TestImages.jpeg(10, 10, 1), "png_only", ObjectUtils.emptyMap()))
                .hasMessage("Image file format jpg not allowed");
    }

    @Test
    void with_a_format_a_file_outside_allowed_formats_is_converted() throws Exception {
        Map<?, ?> result = unsigned(TestImages.jpeg(40, 30, 1), "to_png", ObjectUtils.emptyMap());
        assertThat(result.get("format")).isEqualTo("png");
        assertThat(result.get("url").toString()).endsWith(".png");
        assertThat(delivered(result).getWidth()).isEqualTo(40);
    }

    @Test
    void a_delete_token_deletes_its_asset_right_after_the_upload() throws Exception {
        Map<?, ?> result = unsigned(TestImages.png(8, 8, 3), "browser", ObjectUtils.asMap("public_id", "regret"));
        assertThat(cloudinary.uploader().deleteByToken(result.get("delete_token").toString()).get("result")).isEqualTo("ok");
        assertThatThrownBy(() -> api.resource("regret", ObjectUtils.emptyMap())).isInstanceOf(NotFound.class);
    }

    @Test
    void a_delete_token_older_than_ten_minutes_is_refused() throws Exception {
        Map<?, ?> result = unsigned(TestImages.png(8, 8, 4), "browser", ObjectUtils.asMap("public_id", "kept"));
        Cloud cloud = new Cloud("preset-cloud", "preset-key", "preset-secret", 0);
        String eleven = new DeleteTokens(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-11)))
                .issue(cloud, result.get("asset_id").toString());
        assertThatThrownBy(() -> cloudinary.uploader().deleteByToken(eleven))
                .hasMessage("Stale token: a delete token deletes its asset within 10 minutes of the upload");
        assertThatThrownBy(() -> cloudinary.uploader().deleteByToken(result.get("delete_token") + "0"))
                .hasMessage("Invalid token");
        assertThat(api.resource("kept", ObjectUtils.emptyMap()).get("asset_id")).isEqualTo(result.get("asset_id"));
    }
}
