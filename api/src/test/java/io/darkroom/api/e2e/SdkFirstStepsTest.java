package io.darkroom.api.e2e;

import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.PhotoMetadata;
import io.darkroom.api.TestImages;
import io.darkroom.api.welcome.SdkCloudUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer meets first, through the official Java SDK configured from the URL Darkroom prints: delivery URLs that
 * reach Darkroom (also in the private_cdn form), derived images without the photo's private metadata, f_ deciding the
 * format, coordinates limited as the SDKs' own tests expect, and a page at {@code /}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkFirstStepsTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;
    private byte[] photo;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    private io.darkroom.api.derivation.DerivedMetadataCleanupSchedule cleanup;

    @BeforeAll
    void connect() throws Exception {
        cloudinary = new Cloudinary(SdkCloudUrl.of("first-cloud", "first-key", "first-secret", base(), null));
        photo = PhotoMetadata.photoWithPrivateMetadata(800, 600);
        assertThat(PhotoMetadata.fieldsIn(photo)).as("the test photo itself").containsKeys("gps", "artist", "copyright", "by-line",
                "city", "credit", "copyright-notice", "xmp");
        cloudinary.uploader().upload(photo, ObjectUtils.asMap("public_id", "first/photo"));
    }

    private HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String url(Transformation transformation, String format) {
        return cloudinary.url().transformation(transformation).format(format).generate("first/photo");
    }

    private static BufferedImage decoded(byte[] bytes) throws Exception {
        return TestImages.decoded(bytes);
    }

    @Test
    void the_printed_cloud_url_makes_the_sdk_build_delivery_urls_that_darkroom_serves() throws Exception {
        String url = url(new Transformation().width(300).height(200).crop("fill"), "jpg");
        assertThat(url).startsWith(base() + "/first-cloud/image/upload/c_fill,h_200,w_300/");
        HttpResponse<byte[]> answer = fetch(url);
        assertThat(answer.statusCode()).isEqualTo(200);
        BufferedImage image = decoded(answer.body());
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(300, 200);
    }

    @Test
    void a_cloud_with_a_delivery_host_is_delivered_there_without_its_name_in_the_path() throws Exception {
        Cloudinary cdn = new Cloudinary(SdkCloudUrl.of("cdn-cloud", "cdn-key", "cdn-secret", base(), "127.0.0.1:" + port));
        cdn.uploader().upload(TestImages.png(120, 90, 3), ObjectUtils.asMap("public_id", "cdn/tile"));
        String url = cdn.url().transformation(new Transformation().width(60)).format("png").generate("cdn/tile");
        assertThat(url).startsWith("http://127.0.0.1:" + port + "/image/upload/w_60/");
        HttpResponse<byte[]> answer = fetch(url);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(decoded(answer.body()).getWidth()).isEqualTo(60);
    }

    @Test
    void a_derived_image_keeps_none_of_the_photos_embedded_metadata() throws Exception {
        HttpResponse<byte[]> answer = fetch(url(new Transformation().width(300).height(200).crop("fill"), "jpg"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(PhotoMetadata.fieldsIn(answer.body())).isEmpty();
        assertThat(PhotoMetadata.fieldsIn(fetch(url(new Transformation().width(200), "webp")).body())).isEmpty();
    }

    @Test
    void derived_files_made_before_stripping_are_deleted_once_and_derived_again_stripped() throws Exception {
        cloudinary.uploader().upload(photo, ObjectUtils.asMap("public_id", "first/older"));
        String url = cloudinary.url().transformation(new Transformation().width(120)).format("jpg").generate("first/older");
        assertThat(fetch(url).statusCode()).isEqualTo(200);
        String derivedId = jdbc.queryForObject("SELECT d.derived_id FROM derived_resource d JOIN resource_listing r ON r.asset_id = d.asset_id"
                + " WHERE r.cloud = 'first-cloud' AND r.public_id = 'first/older'", String.class);
        // as migration V18 lists what was derived before stripping
        jdbc.update("INSERT INTO derived_before_strip (kind, cloud, id) VALUES ('derived', 'first-cloud', ?)", derivedId);

        assertThat(cleanup.runUntilDone()).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived_resource WHERE derived_id = ?", Integer.class, derivedId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived_before_strip", Integer.class)).isZero();
        HttpResponse<byte[]> again = fetch(url);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Darkroom-Cache").orElse("miss")).as("derived again, not served from a cache").isNotEqualTo("hit");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived_resource WHERE derived_id = ?", Integer.class, derivedId)).isEqualTo(1);
    }

    @Test
    void the_original_is_delivered_as_uploaded() throws Exception {
        assertThat(fetch(cloudinary.url().generate("first/photo.jpg")).body()).isEqualTo(photo);
    }

    @Test
    void fl_keep_iptc_keeps_all_of_it() throws Exception {
        Map<String, String> fields = PhotoMetadata.fieldsIn(fetch(url(new Transformation().width(300).flags("keep_iptc"), "jpg")).body());
        assertThat(fields).containsKeys("gps", "artist", "copyright", "by-line", "city", "credit", "copyright-notice", "xmp");
    }

    @Test
    void fl_keep_attribution_keeps_only_the_copyright_and_credit_fields() throws Exception {
        Map<String, String> fields = PhotoMetadata.fieldsIn(fetch(url(new Transformation().width(300).flags("keep_attribution"), "jpg")).body());
        assertThat(fields).containsOnly(Map.entry("copyright", "(c) Jane Doe 2026"), Map.entry("credit", "Jane Photo Agency"),
                Map.entry("copyright-notice", "(c) Jane Doe"));
    }

    @Test
    void another_flag_is_a_400_naming_it() throws Exception {
        HttpResponse<byte[]> answer = fetch(url(new Transformation().width(300).flags("progressive"), "jpg"));
        assertError(answer, 400, "Transformation not supported yet: flags (fl_progressive)");
        assertThat(new String(answer.body())).contains("flags (fl_progressive)");
    }

    @Test
    void f_decides_the_format_over_the_urls_extension() throws Exception {
        Map<String, String> magic = Map.of("avif", "66747970", "webp", "52494646", "png", "89504e47");
        for (String format : List.of("avif", "webp", "png")) {
            HttpResponse<byte[]> answer = fetch(url(new Transformation().width(200).crop("scale").fetchFormat(format), "jpg"));
            assertThat(answer.statusCode()).as(format).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(format).hasValue("image/" + format);
            int offset = format.equals("avif") ? 4 : 0;
            assertThat(HexFormat.of().formatHex(answer.body(), offset, offset + 4)).as(format).isEqualTo(magic.get(format));
        }
    }

    @Test
    void face_coordinates_are_limited_to_the_image_as_the_node_sdks_test_expects() throws Exception {
        // the official Node SDK's "should allow sending face coordinates": its 241x51 logo.png
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.png(241, 51, 9), ObjectUtils.asMap("public_id", "first/logo",
                "face_coordinates", "120,30,109,150|121,31,110,151", "faces", true));
        assertThat(uploaded.get("faces")).isEqualTo(List.of(List.of(120, 30, 109, 51), List.of(121, 31, 110, 51)));
    }

    @Test
    void the_root_is_a_page_for_a_person_with_a_browser() throws Exception {
        HttpResponse<String> page = get("/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Darkroom is running", "/actuator/health", "/actuator/prometheus", "README");
    }
}
