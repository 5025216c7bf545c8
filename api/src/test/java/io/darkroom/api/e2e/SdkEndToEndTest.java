package io.darkroom.api.e2e;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.api.ApiResponse;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Cloudinary Java SDK (cloudinary-http5) against a running Darkroom: uploads and
 * every browse call, asserting values (order, pages, fields). Uses its own cloud.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdkEndToEndTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;
    private Api api;
    private final List<String> uploadOrder = new ArrayList<>();

    @BeforeAll
    void uploadFixtures() throws Exception {
        cloudinary = new Cloudinary("cloudinary://sdk-key:sdk-secret@sdk-cloud?upload_prefix=http://localhost:" + port);
        api = cloudinary.api();
        for (int i = 0; i < 7; i++) {
            String publicId = "gallery/pic" + i;
            Map<?, ?> result = cloudinary.uploader().upload(TestImages.png(40 + i, 30, i), ObjectUtils.asMap(
                    "public_id", publicId, "tags", i % 2 == 0 ? "even,all" : "odd,all",
                    "context", "alt=Picture " + i + "|caption=a\\=b"));
            assertThat(result.get("public_id")).isEqualTo(publicId);
            uploadOrder.add(publicId);
        }
        cloudinary.uploader().upload(TestImages.jpeg(64, 48, 99), ObjectUtils.asMap(
                "public_id", "queue/held", "moderation", "manual", "tags", "held"));
        cloudinary.uploader().upload("hello, raw world".getBytes(), ObjectUtils.asMap(
                "resource_type", "raw", "public_id", "docs/readme.txt", "tags", "docs"));
    }

    @Test
    @Order(1)
    void upload_answers_the_fields_the_sdk_documents() throws Exception {
        Map<?, ?> result = cloudinary.uploader().upload(TestImages.jpeg(320, 200, 7), ObjectUtils.asMap(
                "public_id", "single/answer", "tags", "x,y", "colors", true, "phash", true, "image_metadata", true));
        assertThat(result.get("asset_id").toString()).matches("[0-9a-f]{32}");
        assertThat(result.get("version_id").toString()).matches("[0-9a-f]{32}");
        assertThat(result.get("width")).isEqualTo(320);
        assertThat(result.get("height")).isEqualTo(200);
        assertThat(result.get("format")).isEqualTo("jpg");
        assertThat(result.get("resource_type")).isEqualTo("image");
        assertThat(result.get("type")).isEqualTo("upload");
        assertThat(result.get("tags")).isEqualTo(List.of("x", "y"));
        assertThat(result.get("pages")).isEqualTo(1);
        assertThat(result.get("placeholder")).isEqualTo(false);
        assertThat(result.get("etag").toString()).matches("[0-9a-f]{32}");
        assertThat(result.get("phash").toString()).matches("[0-9a-f]{16}");
        assertThat((List<?>) result.get("colors")).isNotEmpty().hasSizeLessThanOrEqualTo(32);
        assertThat(result.get("image_metadata")).isInstanceOf(Map.class);
        long version = ((Number) result.get("version")).longValue();
        assertThat(result.get("signature")).isEqualTo(io.darkroom.application.cloud.UploadSignature.digest("SHA-1",
                "public_id=single/answer&version=" + version + "sdk-secret"));
        assertThat(result.get("url").toString()).isEqualTo(base() + "/sdk-cloud/image/upload/v" + version + "/single/answer.jpg");
        byte[] delivered = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(result.get("url").toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(delivered).hasSize(((Number) result.get("bytes")).intValue());
    }

    @Test
    @Order(2)
    void lists_newest_first_by_default_and_pages_with_next_cursor() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse page = api.resources(cursor == null
                    ? ObjectUtils.asMap("type", "upload", "prefix", null, "max_results", 3)
                    : ObjectUtils.asMap("type", "upload", "max_results", 3, "next_cursor", cursor));
            for (Object resource : (List<?>) page.get("resources")) {
                seen.add(((Map<?, ?>) resource).get("public_id").toString());
            }
            cursor = (String) page.get("next_cursor");
            pages++;
        } while (cursor != null);
        List<String> expected = new ArrayList<>(uploadOrder);
        expected.add("queue/held");
        expected.add("single/answer");
        assertThat(seen).containsAll(expected).doesNotHaveDuplicates();
        assertThat(seen.indexOf("gallery/pic6")).isLessThan(seen.indexOf("gallery/pic0"));
        assertThat(pages).isEqualTo((seen.size() + 2) / 3);
    }

    @Test
    @Order(3)
    void prefix_listing_is_ascending_by_public_id_and_direction_reverses_it() throws Exception {
        ApiResponse ascending = api.resources(ObjectUtils.asMap("type", "upload", "prefix", "gallery/", "max_results", 500));
        assertThat(publicIds(ascending)).containsExactlyElementsOf(uploadOrder);
        ApiResponse descending = api.resources(ObjectUtils.asMap("type", "upload", "prefix", "gallery/", "direction", "desc"));
        List<String> reversed = new ArrayList<>(uploadOrder);
        java.util.Collections.reverse(reversed);
        assertThat(publicIds(descending)).containsExactlyElementsOf(reversed);
    }

    @Test
    @Order(4)
    void lists_by_ids_with_tags_and_context() throws Exception {
        ApiResponse result = api.resourcesByIds(Arrays.asList("gallery/pic1", "gallery/pic2"),
                ObjectUtils.asMap("tags", true, "context", true));
        List<?> resources = (List<?>) result.get("resources");
        assertThat(publicIds(result)).containsExactly("gallery/pic1", "gallery/pic2");
        Map<?, ?> first = (Map<?, ?>) resources.get(0);
        assertThat(first.get("tags")).isEqualTo(List.of("odd", "all"));
        assertThat(first.get("context")).isEqualTo(Map.of("custom", Map.of("alt", "Picture 1", "caption", "a=b")));
        assertThat(first.get("width")).isEqualTo(41);
    }

    @Test
    @Order(5)
    void lists_by_tag_newest_first() throws Exception {
        ApiResponse even = api.resourcesByTag("even", ObjectUtils.asMap("max_results", 10));
        assertThat(publicIds(even)).containsExactly("gallery/pic6", "gallery/pic4", "gallery/pic2", "gallery/pic0");
        ApiResponse raw = api.resourcesByTag("docs", ObjectUtils.asMap("resource_type", "raw"));
        assertThat(publicIds(raw)).containsExactly("docs/readme.txt");
    }

    @Test
    @Order(6)
    void lists_the_manual_moderation_queue() throws Exception {
        ApiResponse pending = api.resourcesByModeration("manual", "pending", ObjectUtils.asMap("moderations", true));
        assertThat(publicIds(pending)).containsExactly("queue/held");
        Map<?, ?> held = (Map<?, ?>) ((List<?>) pending.get("resources")).get(0);
        assertThat(held.get("moderation_status")).isEqualTo("pending");
        assertThat(publicIds(api.resourcesByModeration("manual", "approved", ObjectUtils.emptyMap()))).isEmpty();
    }

    @Test
    @Order(7)
    void lists_tags_with_prefix_and_cursor() throws Exception {
        ApiResponse all = api.tags(ObjectUtils.asMap("max_results", 500));
        assertThat(strings(all.get("tags"))).containsExactly("all", "even", "held", "odd", "x", "y");
        ApiResponse first = api.tags(ObjectUtils.asMap("max_results", 2));
        assertThat(strings(first.get("tags"))).containsExactly("all", "even");
        ApiResponse second = api.tags(ObjectUtils.asMap("max_results", 2, "next_cursor", first.get("next_cursor")));
        assertThat(strings(second.get("tags"))).containsExactly("held", "odd");
        assertThat(strings(api.tags(ObjectUtils.asMap("prefix", "e")).get("tags"))).containsExactly("even");
        assertThat(strings(api.tags(ObjectUtils.asMap("resource_type", "raw")).get("tags"))).containsExactly("docs");
    }

    @Test
    @Order(8)
    void shows_details_with_colors_metadata_phash_and_an_empty_derived_list() throws Exception {
        ApiResponse details = api.resource("gallery/pic3", ObjectUtils.asMap("colors", true, "phash", true,
                "image_metadata", true, "pages", true, "faces", true, "coordinates", true));
        assertThat(details.get("public_id")).isEqualTo("gallery/pic3");
        assertThat(details.get("width")).isEqualTo(43);
        assertThat(details.get("pages")).isEqualTo(1);
        List<?> colors = (List<?>) details.get("colors");
        assertThat(((List<?>) colors.get(0)).get(0).toString()).matches("#[0-9A-F]{6}");
        assertThat(colors.stream().map(c -> ((List<?>) c).get(0).toString()).toList()).contains("#FF0000", "#0000FF");
        assertThat(details.get("phash").toString()).matches("[0-9a-f]{16}");
        assertThat(details.get("derived")).isEqualTo(List.of());
        assertThat(details.get("faces")).isEqualTo(List.of());
        assertThat(details.get("tags")).isEqualTo(List.of("odd", "all"));
        ApiResponse raw = api.resource("docs/readme.txt", ObjectUtils.asMap("resource_type", "raw"));
        assertThat(raw.get("bytes")).isEqualTo(16);
        assertThat(raw.get("url").toString()).endsWith("/sdk-cloud/raw/upload/v" + raw.get("version") + "/docs/readme.txt");
    }

    @Test
    @Order(9)
    void lists_resource_types_pings_and_reports_the_rate_limit() throws Exception {
        ApiResponse types = api.resourceTypes(ObjectUtils.emptyMap());
        assertThat(strings(types.get("resource_types"))).containsExactly("image", "raw");
        ApiResponse ping = api.ping(ObjectUtils.emptyMap());
        assertThat(ping.get("status")).isEqualTo("ok");
        assertThat(ping.apiRateLimit().getLimit()).isEqualTo(2000);
        assertThat(ping.apiRateLimit().getRemaining()).isBetween(1L, 1999L);
        assertThat(ping.apiRateLimit().getReset()).isAfter(new java.util.Date());
    }

    @Test
    @Order(9)
    void the_configuration_names_the_cloud_and_its_folder_mode() throws Exception {
        ApiResponse config = api.configuration(ObjectUtils.asMap("settings", true));
        assertThat(config.get("cloud_name")).isEqualTo("sdk-cloud");
        assertThat(config.get("created_at").toString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(((java.util.Map<?, ?>) config.get("settings")).get("folder_mode")).isEqualTo("dynamic");
        assertThat(api.configuration(ObjectUtils.emptyMap()).containsKey("settings")).isFalse();
    }

    @Test
    @Order(10)
    void a_missing_resource_is_a_not_found_error_in_the_sdk() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.resource("no/such", ObjectUtils.emptyMap()))
                .isInstanceOf(com.cloudinary.api.exceptions.NotFound.class)
                .hasMessageContaining("Resource not found - no/such");
    }

    @Test
    @Order(11)
    void an_oversize_upload_is_a_bad_request_in_the_sdk() {
        byte[] big = new byte[6 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cloudinary.uploader().upload(big,
                        ObjectUtils.asMap("resource_type", "raw", "public_id", "too/big")))
                .hasMessageContaining("File size too large");
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(Object::toString).toList();
    }

    private static List<String> publicIds(ApiResponse response) {
        return ((List<?>) response.get("resources")).stream().map(r -> ((Map<?, ?>) r).get("public_id").toString()).toList();
    }
}
