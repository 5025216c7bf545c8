package io.darkroom.api.delivery;

import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** Derived images over HTTP: made from the real pixels on the first request, stored once, served as stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DerivedDeliveryTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;
    private String assetId;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void upload() throws Exception {
        cloudinary = new Cloudinary("cloudinary://dlv-key:dlv-secret@dlv-cloud?upload_prefix=http://localhost:" + port);
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.jpeg(640, 480, 5), ObjectUtils.asMap("public_id", "dlv/photo"));
        assetId = uploaded.get("asset_id").toString();
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage decoded(HttpResponse<byte[]> response) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private int derivedRows() {
        return jdbc.queryForObject("SELECT count(*) FROM derived_resource WHERE asset_id = ?", Integer.class, assetId);
    }

    @Test
    void a_fill_is_derived_once_then_served_as_stored_with_etag_304_and_range() throws Exception {
        HttpResponse<byte[]> first = fetch("/dlv-cloud/image/upload/c_fill,w_120,h_90/dlv/photo.jpg?_a=BAMAROfk0");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = decoded(first);
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(120, 90);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        int rows = derivedRows();

        HttpResponse<byte[]> again = fetch("/dlv-cloud/image/upload/h_90,w_120,c_fill/dlv/photo.jpg");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(derivedRows()).as("the same transformation in another order is the same derivative").isEqualTo(rows);

        assertThat(fetch("/dlv-cloud/image/upload/c_fill,w_120,h_90/dlv/photo.jpg", "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> range = fetch("/dlv-cloud/image/upload/c_fill,w_120,h_90/dlv/photo.jpg", "Range", "bytes=0-9");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(10).isEqualTo(java.util.Arrays.copyOf(first.body(), 10));

        Map<?, ?> details = cloudinary.api().resource("dlv/photo", ObjectUtils.emptyMap());
        Map<?, ?> listed = ((List<?>) details.get("derived")).stream().map(d -> (Map<?, ?>) d)
                .filter(d -> d.get("transformation").equals("c_fill,h_90,w_120")).findFirst().orElseThrow();
        assertThat(listed.get("format")).isEqualTo("jpg");
        assertThat(((Number) listed.get("bytes")).longValue()).isEqualTo(first.body().length);
        assertThat(listed.get("url").toString()).contains("/dlv-cloud/image/upload/c_fill,h_90,w_120/v").endsWith("/dlv/photo.jpg");
        assertThat(fetch(URI.create(listed.get("url").toString()).getPath()).body()).isEqualTo(first.body());
    }

    @Test
    void a_url_built_by_the_sdk_with_a_version_and_a_new_format_is_served() throws Exception {
        String url = cloudinary.url().transformation(new Transformation().width(100).crop("scale")).format("png")
                .version(1).generate("dlv/photo");
        String path = URI.create(url).getPath();
        HttpResponse<byte[]> response = fetch(path);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(decoded(response).getWidth()).isEqualTo(100);
        HttpResponse<byte[]> webp = fetch("/dlv-cloud/image/upload/dlv/photo.webp");
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(new String(java.util.Arrays.copyOfRange(webp.body(), 8, 12))).isEqualTo("WEBP");
    }

    @Test
    void eight_simultaneous_first_requests_make_one_derived_resource() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(pool.submit(() -> fetch("/dlv-cloud/image/upload/c_fit,w_77,h_77/dlv/photo.jpg")));
        }
        List<byte[]> bodies = new ArrayList<>();
        for (Future<HttpResponse<byte[]>> response : responses) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            bodies.add(response.get().body());
        }
        pool.shutdown();
        assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived_resource WHERE asset_id = ? AND transformation = 'c_fit,h_77,w_77'",
                Integer.class, assetId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%ResourceDerived'""",
                Integer.class, assetId)).as("one ResourceDerived event").isGreaterThanOrEqualTo(1);
    }

    @Test
    void bad_and_unsupported_transformations_are_400s_with_x_cld_error() throws Exception {
        HttpResponse<byte[]> unknown = fetch("/dlv-cloud/image/upload/w_abc/dlv/photo.jpg");
        assertError(unknown, 400, "Invalid transformation component 'w_abc': invalid width value abc");
        assertThat(unknown.headers().firstValue("X-Cld-Error").orElse("")).contains("invalid width value abc");
        HttpResponse<byte[]> unsupported = fetch("/dlv-cloud/image/upload/w_100,e_cartoonify/dlv/photo.jpg");
        assertError(unsupported, 400, "Transformation not supported yet: effect cartoonify");
        assertThat(unsupported.headers().firstValue("X-Cld-Error").orElse("")).contains("effect cartoonify");
        HttpResponse<byte[]> missing = fetch("/dlv-cloud/image/upload/w_100/dlv/nothing.jpg");
        assertError(missing, 404, "Resource not found - dlv/nothing");
        assertThat(missing.headers().firstValue("X-Cld-Error")).isPresent();
    }

    @Test
    void a_named_transformation_in_the_url_is_expanded() throws Exception {
        cloudinary.api().createTransformation("dlv_thumb", "c_fill,w_40,h_30", ObjectUtils.emptyMap());
        HttpResponse<byte[]> response = fetch("/dlv-cloud/image/upload/t_dlv_thumb/dlv/photo.jpg");
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = decoded(response);
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(40, 30);
        Map<?, ?> details = cloudinary.api().transformation("dlv_thumb", ObjectUtils.emptyMap());
        assertThat(details.get("used")).isEqualTo(true);
        assertThat((List<?>) details.get("derived")).hasSize(1);
    }

    @Test
    void deleting_a_named_transformation_deletes_the_derived_files_made_with_it() throws Exception {
        cloudinary.api().createTransformation("dlv_gone", "c_scale,w_25", ObjectUtils.emptyMap());
        assertThat(fetch("/dlv-cloud/image/upload/t_dlv_gone/dlv/photo.jpg").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived_resource WHERE transformation = 't_dlv_gone'", Integer.class)).isEqualTo(1);
        assertThat(cloudinary.api().deleteTransformation("dlv_gone", ObjectUtils.emptyMap()).get("message")).isEqualTo("deleted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived_resource WHERE transformation = 't_dlv_gone'", Integer.class)).isZero();
        assertError(fetch("/dlv-cloud/image/upload/t_dlv_gone/dlv/photo.jpg"), 400,
                "Named transformation dlv_gone does not exist");
    }

    @Test
    void an_unnamed_transformation_is_registered_on_first_use_and_reports_used() throws Exception {
        assertThat(fetch("/dlv-cloud/image/upload/w_33,c_scale/dlv/photo.jpg").statusCode()).isEqualTo(200);
        Map<?, ?> details = cloudinary.api().transformation("w_33,c_scale", ObjectUtils.emptyMap());
        assertThat(details.get("name")).isEqualTo("c_scale,w_33");
        assertThat(details.get("named")).isEqualTo(false);
        assertThat(details.get("used")).isEqualTo(true);
        List<?> listed = (List<?>) cloudinary.api().transformations(ObjectUtils.asMap("named", false, "max_results", 500)).get("transformations");
        assertThat(listed.stream().map(t -> (Map<?, ?>) t).filter(t -> t.get("name").equals("c_scale,w_33")).findFirst().orElseThrow()
                .get("used")).isEqualTo(true);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.darkroom.application.blob.BlobStore blobs;

    @Test
    void deleting_the_resource_removes_its_derived_files() throws Exception {
        cloudinary.uploader().upload(TestImages.png(50, 50, 9), ObjectUtils.asMap("public_id", "dlv/gone"));
        assertThat(fetch("/dlv-cloud/image/upload/w_20/dlv/gone.png").statusCode()).isEqualTo(200);
        String key = jdbc.queryForObject("""
                SELECT d.blob_key FROM derived_resource d JOIN resource_listing r ON r.asset_id = d.asset_id
                WHERE r.public_id = 'dlv/gone'""", String.class);
        cloudinary.uploader().destroy("dlv/gone", ObjectUtils.emptyMap());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived_resource WHERE blob_key = ?", Integer.class, key)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM blob_deletion WHERE blob_key = ?", Integer.class, key)
                + (blobs.open(key).isPresent() ? 0 : 1)).isPositive();
    }

    @Test
    void delete_derived_resources_removes_only_the_named_derived_files() throws Exception {
        cloudinary.uploader().upload(TestImages.png(60, 60, 4), ObjectUtils.asMap("public_id", "dlv/derived-delete"));
        assertThat(fetch("/dlv-cloud/image/upload/w_30/dlv/derived-delete.png").statusCode()).isEqualTo(200);
        assertThat(fetch("/dlv-cloud/image/upload/w_20/dlv/derived-delete.png").statusCode()).isEqualTo(200);
        List<?> derived = (List<?>) cloudinary.api().resource("dlv/derived-delete", ObjectUtils.emptyMap()).get("derived");
        assertThat(derived).hasSize(2);
        String id = ((Map<?, ?>) derived.get(0)).get("id").toString();
        Map<?, ?> answer = cloudinary.api().deleteDerivedResources(List.of(id, "0123456789abcdef0123456789abcdef"), ObjectUtils.emptyMap());
        assertThat(answer.get("deleted")).isEqualTo(Map.of(id, "deleted", "0123456789abcdef0123456789abcdef", "not_found"));
        assertThat((List<?>) cloudinary.api().resource("dlv/derived-delete", ObjectUtils.emptyMap()).get("derived")).hasSize(1);
        HttpResponse<String> foreign = send("DELETE", "/v1_1/edge-cloud/derived_resources", "application/x-www-form-urlencoded",
                "derived_resource_ids[]=" + ((Map<?, ?>) derived.get(1)).get("id"), "edge-key", "edge-secret");
        assertThat(foreign.body()).contains("not_found");
        assertThat((List<?>) cloudinary.api().resource("dlv/derived-delete", ObjectUtils.emptyMap()).get("derived")).hasSize(1);
    }

    @Test
    void eager_async_answers_at_once_and_derives_from_the_stored_queue() throws Exception {
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.jpeg(300, 200, 8), ObjectUtils.asMap("public_id", "dlv/async",
                "eager", List.of(new Transformation().width(50).crop("scale"), new Transformation().width(20).height(20).crop("fill")),
                "eager_async", true));
        List<?> eager = (List<?>) uploaded.get("eager");
        assertThat(eager).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) eager.get(0);
        assertThat(first.get("status")).isEqualTo("processing");
        assertThat(first.get("batch_id").toString()).matches("[0-9a-f]{32}");
        assertThat(first.get("url").toString()).contains("/image/upload/c_scale,w_50/");
        long deadline = System.currentTimeMillis() + 20_000;
        List<?> derived = List.of();
        while (derived.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            derived = (List<?>) cloudinary.api().resource("dlv/async", ObjectUtils.emptyMap()).get("derived");
        }
        assertThat(derived).as("derived in the background").hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_derivation", Integer.class)).isZero();
        BufferedImage image = decoded(fetch(URI.create(first.get("url").toString()).getPath()));
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(50, 33);
    }

    @Test
    void keep_original_and_by_transformation_deletes_remove_only_derived_files_and_count_them() throws Exception {
        for (String id : List.of("dlv/keep-a", "dlv/keep-b")) {
            cloudinary.uploader().upload(TestImages.png(80, 60, 5), ObjectUtils.asMap("public_id", id));
            assertThat(fetch("/dlv-cloud/image/upload/w_40/" + id + ".png").statusCode()).isEqualTo(200);
            assertThat(fetch("/dlv-cloud/image/upload/c_fill,h_10,w_10/" + id + ".png").statusCode()).isEqualTo(200);
        }
        Map<?, ?> firstPage = cloudinary.api().resource("dlv/keep-a", ObjectUtils.asMap("max_results", 1));
        assertThat((List<?>) firstPage.get("derived")).hasSize(1);
        Map<?, ?> secondPage = cloudinary.api().resource("dlv/keep-a", ObjectUtils.asMap("max_results", 1,
                "derived_next_cursor", firstPage.get("derived_next_cursor")));
        assertThat((List<?>) secondPage.get("derived")).hasSize(1).isNotEqualTo(firstPage.get("derived"));
        assertThat(secondPage.get("derived_next_cursor")).isNull();
        Map<?, ?> byTransformation = cloudinary.api().deleteDerivedByTransformation(List.of("dlv/keep-a"),
                List.of(new Transformation().width(10).height(10).crop("fill")), ObjectUtils.emptyMap());
        assertThat(byTransformation.get("deleted")).isEqualTo(Map.of("dlv/keep-a", "deleted"));
        assertThat(((Map<?, ?>) byTransformation.get("deleted_counts")).get("dlv/keep-a")).isEqualTo(Map.of("original", 0, "derived", 1));
        List<?> left = (List<?>) cloudinary.api().resource("dlv/keep-a", ObjectUtils.emptyMap()).get("derived");
        assertThat(left).hasSize(1);
        assertThat(((Map<?, ?>) left.get(0)).get("transformation")).isEqualTo("w_40");

        Map<?, ?> keep = cloudinary.api().deleteResources(List.of("dlv/keep-b"), ObjectUtils.asMap("keep_original", true));
        assertThat(((Map<?, ?>) keep.get("deleted_counts")).get("dlv/keep-b")).isEqualTo(Map.of("original", 0, "derived", 2));
        assertThat((List<?>) cloudinary.api().resource("dlv/keep-b", ObjectUtils.emptyMap()).get("derived")).isEmpty();
        BufferedImage original = decoded(fetch("/dlv-cloud/image/upload/dlv/keep-b.png"));
        assertThat(original.getWidth()).as("the original stays").isEqualTo(80);

        Map<?, ?> whole = cloudinary.api().deleteResources(List.of("dlv/keep-a"), ObjectUtils.emptyMap());
        assertThat(((Map<?, ?>) whole.get("deleted_counts")).get("dlv/keep-a")).isEqualTo(Map.of("original", 1, "derived", 1));
        assertError(fetch("/dlv-cloud/image/upload/w_40/dlv/keep-a.png"), 404, "Resource not found - dlv/keep-a");
    }

    @Test
    void eager_on_upload_and_explicit_derives_before_answering() throws Exception {
        Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.jpeg(300, 200, 6), ObjectUtils.asMap("public_id", "dlv/eager",
                "eager", List.of(new Transformation().width(60).height(40).crop("fill"), new Transformation().width(30).fetchFormat("png"))));
        List<?> eager = (List<?>) uploaded.get("eager");
        assertThat(eager).hasSize(2);
        Map<?, ?> fill = (Map<?, ?>) eager.get(0);
        assertThat(fill.get("transformation")).isEqualTo("c_fill,h_40,w_60");
        assertThat(List.of(fill.get("width"), fill.get("height"), fill.get("format"))).containsExactly(60, 40, "jpg");
        Map<?, ?> png = (Map<?, ?>) eager.get(1);
        assertThat(List.of(png.get("width"), png.get("format"))).containsExactly(30, "png");
        HttpResponse<byte[]> delivered = fetch(URI.create(fill.get("url").toString()).getPath());
        assertThat(delivered.body()).hasSize(((Number) fill.get("bytes")).intValue());

        Map<?, ?> explicit = cloudinary.uploader().explicit("dlv/eager", ObjectUtils.asMap("type", "upload",
                "eager", List.of(new Transformation().width(10).crop("scale"))));
        assertThat(((Map<?, ?>) ((List<?>) explicit.get("eager")).get(0)).get("width")).isEqualTo(10);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cloudinary.uploader().upload(TestImages.jpeg(30, 20, 7),
                        ObjectUtils.asMap("public_id", "dlv/eager-bad", "eager", List.of(new Transformation().width(10).effect("cartoonify")))))
                .hasMessageContaining("effect cartoonify");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE public_id = 'dlv/eager-bad'", Integer.class))
                .as("a refused eager stores nothing").isZero();
    }

    @Autowired
    io.darkroom.api.config.DarkroomProperties properties;
}
