package io.darkroom.api.e2e;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The official Java SDK's calls of the Upload API beyond a plain upload: uploadLarge, explicit, lookups. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkUploadApiTest extends DarkroomIntegrationTest {
    private static final int FIVE_MB = 5 * 1024 * 1024;
    private Cloudinary cloudinary;
    private Api api;

    @BeforeAll
    void connect() {
        cloudinary = new Cloudinary("cloudinary://edge-key:edge-secret@edge-cloud?upload_prefix=http://localhost:" + port);
        api = cloudinary.api();
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static byte[] delivered(Map<?, ?> result) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(result.get("url").toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Test
    void upload_large_sends_a_12_mb_image_in_5_mb_parts_and_gets_one_whole_asset() throws Exception {
        byte[] image = TestImages.noisePng(2000, 2000, 9);
        assertThat(image.length).isGreaterThan(12_000_000);
        Path file = Files.createTempFile("large", ".png");
        Files.write(file, image);
        Map<?, ?> result = cloudinary.uploader().uploadLarge(file.toFile(), ObjectUtils.asMap(
                "public_id", "large/noise", "tags", "large", "chunk_size", FIVE_MB));
        assertThat(result.get("public_id")).isEqualTo("large/noise");
        assertThat(((Number) result.get("bytes")).longValue()).isEqualTo(image.length);
        assertThat(result.get("etag")).isEqualTo(md5(image));
        assertThat(result.get("width")).isEqualTo(2000);
        assertThat(result.get("height")).isEqualTo(2000);
        assertThat(result.get("format")).isEqualTo("png");
        assertThat(result.get("original_filename")).isEqualTo(file.getFileName().toString().replace(".png", ""));
        assertThat(delivered(result)).isEqualTo(image);
        Files.delete(file);
    }

    @Test
    void upload_large_raw_sends_25_mb_in_5_mb_parts() throws Exception {
        byte[] raw = new byte[25 * 1024 * 1024 + 333];
        new Random(25).nextBytes(raw);
        Map<?, ?> result = cloudinary.uploader().uploadLargeRaw(raw, ObjectUtils.asMap("public_id", "large/blob.bin"), FIVE_MB);
        assertThat(result.get("resource_type")).isEqualTo("raw");
        assertThat(((Number) result.get("bytes")).longValue()).isEqualTo(raw.length);
        assertThat(result.get("etag")).isEqualTo(md5(raw));
        assertThat(delivered(result)).isEqualTo(raw);
    }

    @Test
    void upload_large_of_a_small_file_is_one_part() throws Exception {
        byte[] png = TestImages.png(64, 32, 3);
        Map<?, ?> result = cloudinary.uploader().uploadLarge(png, ObjectUtils.asMap("public_id", "large/tiny", "chunk_size", FIVE_MB));
        assertThat(result.get("width")).isEqualTo(64);
        assertThat(((Number) result.get("bytes")).longValue()).isEqualTo(png.length);
    }

    @Test
    void explicit_applies_tags_context_and_coordinates_to_an_existing_asset() throws Exception {
        cloudinary.uploader().upload(TestImages.png(241, 81, 11), ObjectUtils.asMap("public_id", "sdk/explicit", "tags", "old"));
        Map<?, ?> result = cloudinary.uploader().explicit("sdk/explicit", ObjectUtils.asMap("type", "upload",
                "tags", java.util.List.of("one", "two"), "context", ObjectUtils.asMap("caption", "hello"),
                "face_coordinates", "120,30,109,150"));
        assertThat(result.get("public_id")).isEqualTo("sdk/explicit");
        assertThat(result.get("tags")).isEqualTo(java.util.List.of("one", "two"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) result.get("context")).get("custom")).get("caption")).isEqualTo("hello");
        Map<?, ?> details = api.resource("sdk/explicit", ObjectUtils.asMap("faces", true));
        assertThat(details.get("faces")).isEqualTo(java.util.List.of(java.util.List.of(120, 30, 109, 81)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cloudinary.uploader().explicit("sdk/explicit",
                        ObjectUtils.asMap("raw_convert", "illegal")))
                .hasMessageContaining("Illegal value illegal for parameter raw_convert");
    }

    @Test
    void lookups_by_context_by_asset_id_and_with_fields() throws Exception {
        Map<?, ?> first = cloudinary.uploader().upload(TestImages.png(20, 20, 21), ObjectUtils.asMap(
                "public_id", "sdk/ctx1", "context", "theme=dark", "tags", "t1"));
        Map<?, ?> second = cloudinary.uploader().upload(TestImages.png(20, 20, 22), ObjectUtils.asMap(
                "public_id", "sdk/ctx2", "context", "theme=light"));
        var byKey = api.resourcesByContext("theme", ObjectUtils.emptyMap());
        assertThat(publicIds(byKey)).containsExactly("sdk/ctx2", "sdk/ctx1");
        var byValue = api.resourcesByContext("theme", "dark", ObjectUtils.asMap("context", true));
        assertThat(publicIds(byValue)).containsExactly("sdk/ctx1");

        var byAssetId = api.resourceByAssetID(first.get("asset_id").toString(), ObjectUtils.emptyMap());
        assertThat(byAssetId.get("public_id")).isEqualTo("sdk/ctx1");
        var byAssetIds = api.resourcesByAssetIDs(java.util.List.of(second.get("asset_id").toString(),
                first.get("asset_id").toString()), ObjectUtils.asMap("tags", true));
        assertThat(publicIds(byAssetIds)).containsExactly("sdk/ctx2", "sdk/ctx1");

        var withFields = api.resources(ObjectUtils.asMap("prefix", "sdk/ctx", "type", "upload", "fields", "tags,bytes"));
        Map<?, ?> item = (Map<?, ?>) ((java.util.List<?>) withFields.get("resources")).get(0);
        assertThat(item.keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrder("asset_id", "public_id", "tags", "bytes");
        // (the Java SDK sends no fields with details calls; SdkWireEdgeCasesTest covers fields on details)
    }

    private static java.util.List<String> publicIds(Map<?, ?> response) {
        return ((java.util.List<?>) response.get("resources")).stream().map(r -> ((Map<?, ?>) r).get("public_id").toString()).toList();
    }
}
