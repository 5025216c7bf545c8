package io.darkroom.api.e2e;

import com.cloudinary.Api;
import com.cloudinary.Cloudinary;
import com.cloudinary.api.exceptions.AlreadyExists;
import com.cloudinary.api.exceptions.BadRequest;
import com.cloudinary.api.exceptions.NotFound;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named transformations through the official Java SDK, and the reference's path forms over raw HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkTransformationsTest extends DarkroomIntegrationTest {
    private Api api;

    @BeforeAll
    void connect() {
        api = new Cloudinary("cloudinary://tr-key:tr-secret@tr-cloud?upload_prefix=http://localhost:" + port).api();
    }

    @Test
    void a_named_transformation_is_created_read_by_name_updated_listed_and_deleted() throws Exception {
        assertThat(api.createTransformation("small_fill", "w_150,h_100,c_fill", ObjectUtils.emptyMap()).get("message"))
                .isEqualTo("created");
        Map<?, ?> details = api.transformation("small_fill", ObjectUtils.emptyMap());
        assertThat(details.get("name")).isEqualTo("t_small_fill");
        assertThat(details.get("named")).isEqualTo(true);
        assertThat(details.get("used")).isEqualTo(false);
        assertThat(details.get("info")).isEqualTo(List.of(Map.of("width", 150, "height", 100, "crop", "fill")));
        assertThat(api.transformation("t_small_fill", ObjectUtils.emptyMap()).get("name")).isEqualTo("t_small_fill");

        api.updateTransformation("small_fill", ObjectUtils.asMap("allowed_for_strict", true), ObjectUtils.emptyMap());
        assertThat(api.transformation("small_fill", ObjectUtils.emptyMap()).get("allowed_for_strict")).isEqualTo(true);
        api.updateTransformation("small_fill", ObjectUtils.asMap("unsafe_update", "c_scale,w_103"), ObjectUtils.emptyMap());
        assertThat(api.transformation("small_fill", ObjectUtils.emptyMap()).get("info"))
                .isEqualTo(List.of(Map.of("crop", "scale", "width", 103)));

        Map<?, ?> listed = api.transformations(ObjectUtils.asMap("named", true));
        assertThat(names(listed)).contains("t_small_fill");

        assertThat(api.deleteTransformation("small_fill", ObjectUtils.emptyMap()).get("message")).isEqualTo("deleted");
        assertThatThrownBy(() -> api.transformation("small_fill", ObjectUtils.emptyMap())).isInstanceOf(NotFound.class);
        api.createTransformation("small_fill", "w_10", ObjectUtils.emptyMap());
        assertThat(api.transformation("small_fill", ObjectUtils.emptyMap()).get("info")).isEqualTo(List.of(Map.of("width", 10)));
    }

    @Test
    void transformation_changes_are_in_the_audit_trail_with_their_actor() throws Exception {
        api.createTransformation("audited", "w_30", ObjectUtils.emptyMap());
        api.updateTransformation("audited", ObjectUtils.asMap("allowed_for_strict", true), ObjectUtils.emptyMap());
        api.deleteTransformation("audited", ObjectUtils.emptyMap());
        com.fasterxml.jackson.databind.JsonNode audit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                get("/v1_1/tr-cloud/audit?max_results=500", "tr-key", "tr-secret").body());
        List<String> events = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode entry : audit.path("entries")) {
            if (entry.path("public_id").asText().equals("audited")) {
                events.add(entry.path("event").asText());
                assertThat(entry.path("actor").asText()).isEqualTo("tr-key");
                assertThat(entry.path("resource_type").asText()).isEqualTo("transformation");
            }
        }
        assertThat(events).containsExactly("TransformationDeleted", "TransformationUpdated", "TransformationCreated");
        assertThat(audit.toString()).contains("\"transformation\":\"w_30\"", "\"allowed_for_strict\":true");
    }

    @Test
    void a_taken_name_is_409_and_a_bad_definition_400_naming_the_component() throws Exception {
        api.createTransformation("taken", "w_1", ObjectUtils.emptyMap());
        assertThatThrownBy(() -> api.createTransformation("taken", "w_2", ObjectUtils.emptyMap())).isInstanceOf(AlreadyExists.class);
        assertThatThrownBy(() -> api.createTransformation("bad_one", "w_10,zz_1", ObjectUtils.emptyMap()))
                .isInstanceOf(BadRequest.class).hasMessageContaining("'w_10,zz_1'").hasMessageContaining("unknown parameter zz");
        assertThatThrownBy(() -> api.createTransformation("refers", "t_nowhere", ObjectUtils.emptyMap()))
                .isInstanceOf(BadRequest.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> api.createTransformation("w_100", "w_1", ObjectUtils.emptyMap()))
                .isInstanceOf(BadRequest.class).hasMessageContaining("reads as a transformation");
        assertThatThrownBy(() -> api.deleteTransformation("never_made", ObjectUtils.emptyMap())).isInstanceOf(NotFound.class);
    }

    @Test
    void eight_concurrent_creates_of_one_name_make_one_transformation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            statuses.add(pool.submit(() -> send("POST", "/v1_1/tr-cloud/transformations", "application/x-www-form-urlencoded",
                    "name=raced&transformation=w_" + (n + 1), "tr-key", "tr-secret").statusCode()));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(200, 409);
        assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(1);
    }

    @Test
    void the_references_path_forms_address_by_name_or_by_parameters_in_any_order() throws Exception {
        HttpResponse<String> created = send("POST", "/v1_1/tr-cloud/transformations/thumb_path?transformation=c_thumb,g_face,w_80,h_80",
                null, "", "tr-key", "tr-secret");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(get("/v1_1/tr-cloud/transformations/thumb_path", "tr-key", "tr-secret").body()).contains("\"gravity\":\"face\"");
        HttpResponse<String> missing = get("/v1_1/tr-cloud/transformations/h_100,w_150,c_fill/jpg", "tr-key", "tr-secret");
        assertError(missing, 404, "Transformation h_100,w_150,c_fill/jpg not found");
        HttpResponse<String> bad = get("/v1_1/tr-cloud/transformations?transformation=w_abc", "tr-key", "tr-secret");
        assertError(bad, 400, "Invalid transformation component 'w_abc': invalid width value abc");
        HttpResponse<String> deleted = send("DELETE", "/v1_1/tr-cloud/transformations/thumb_path", null, "", "tr-key", "tr-secret");
        assertThat(deleted.body()).isEqualTo("{\"message\":\"deleted\"}");
    }

    @Test
    void listings_page_with_a_cursor_in_name_order() throws Exception {
        for (String name : List.of("page_a", "page_b", "page_c")) {
            api.createTransformation(name, "w_5", ObjectUtils.emptyMap());
        }
        Map<?, ?> first = api.transformations(ObjectUtils.asMap("named", true, "max_results", 2));
        List<String> seen = new ArrayList<>(names(first));
        Object cursor = first.get("next_cursor");
        while (cursor != null) {
            Map<?, ?> next = api.transformations(ObjectUtils.asMap("named", true, "max_results", 2, "next_cursor", cursor));
            seen.addAll(names(next));
            cursor = next.get("next_cursor");
        }
        assertThat(seen).contains("t_page_a", "t_page_b", "t_page_c").isSorted();
    }

    private static List<String> names(Map<?, ?> response) {
        return ((List<?>) response.get("transformations")).stream().map(t -> ((Map<?, ?>) t).get("name").toString()).toList();
    }
}
