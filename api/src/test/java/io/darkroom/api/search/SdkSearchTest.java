package io.darkroom.api.search;

import com.cloudinary.Cloudinary;
import com.cloudinary.Search;
import com.cloudinary.api.exceptions.BadRequest;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Search API through the official Java SDK's {@code search()}, over a known set of assets: each expression's exact
 * result set and order, the aggregates' counts, a cursor walked to the end, and the errors of bad expressions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkSearchTest extends DarkroomIntegrationTest {
    private Cloudinary cloudinary;

    @BeforeAll
    void seed() throws Exception {
        cloudinary = new Cloudinary("cloudinary://search-key:search-secret@search-cloud?upload_prefix=http://localhost:" + port);
        image("cat_1", TestImages.png(40, 20, 1), "animals/cats", "cute,cat", "color=black", null);
        image("cat_2", TestImages.jpeg(30, 30, 2), "animals/cats", "cat", "color=white", null);
        image("dog_1", TestImages.png(20, 40, 3), "animals/dogs", "dog,cute", null, "Good boy");
        image("car_1", TestImages.jpeg(60, 20, 4), "vehicles", "car", null, null);
        image("sunset_beach", TestImages.png(100, 50, 5), "", "beach,sunset", "place=Malibu", null);
        cloudinary.uploader().upload("notes about the trip".getBytes(StandardCharsets.UTF_8), ObjectUtils.asMap("public_id", "doc_1",
                "resource_type", "raw", "asset_folder", "docs"));
    }

    private void image(String publicId, byte[] bytes, String folder, String tags, String context, String displayName)
            throws Exception {
        Map<String, Object> options = ObjectUtils.asMap("public_id", publicId, "asset_folder", folder, "tags", tags);
        if (context != null) {
            options.put("context", context);
        }
        if (displayName != null) {
            options.put("display_name", displayName);
        }
        cloudinary.uploader().upload(bytes, options);
    }

    private List<Object> ids(Map<?, ?> result) {
        return ((List<?>) result.get("resources")).stream().map(r -> (Object) ((Map<?, ?>) r).get("public_id")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tags:cute | cat_1 dog_1",
            "tags=cat AND format:png | cat_1",
            "asset_folder:animals/* | cat_1 cat_2 dog_1",
            "folder=animals/cats | cat_1 cat_2",
            "width>=40 | car_1 cat_1 sunset_beach",
            "width:[30 TO 60} | cat_1 cat_2",
            "aspect_ratio=2:1 | cat_1 sunset_beach",
            "pixels>1000 | car_1 sunset_beach",
            "context.color=black | cat_1",
            "context.place:* | sunset_beach",
            "-tags:cute AND resource_type:image | car_1 cat_2 sunset_beach",
            "(tags:car OR tags:dog) && NOT format:jpg | dog_1",
            "public_id:cat_* | cat_1 cat_2",
            "display_name:\"Good boy\" | dog_1",
            "sunset | sunset_beach",
            "malibu | sunset_beach",
            "boy | dog_1",
            "resource_type:raw | doc_1",
            "uploaded_at>1d | car_1 cat_1 cat_2 doc_1 dog_1 sunset_beach",
            "uploaded_at<1d | ",
            "created_at:[2020-01-01 TO *] AND bytes>0 AND status:active | car_1 cat_1 cat_2 doc_1 dog_1 sunset_beach",
            "moderation_status:pending | ",
            "NOT moderation_status:pending AND tags:beach | sunset_beach",
    })
    void an_expression_finds_exactly_its_resources(String expression, String expected) throws Exception {
        Map<?, ?> result = cloudinary.search().expression(expression).sortBy("public_id", "asc").maxResults(100).execute();
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.strip().split(" "));
        assertThat(ids(result)).containsExactlyElementsOf(want);
        assertThat(result.get("total_count")).isEqualTo(want.size());
    }

    @Test
    void sort_by_orders_by_each_field_in_turn() throws Exception {
        Map<?, ?> result = cloudinary.search().expression("resource_type:image").sortBy("width", "desc").sortBy("public_id", "asc")
                .execute();
        assertThat(ids(result)).containsExactly("sunset_beach", "car_1", "cat_1", "cat_2", "dog_1");
    }

    @Test
    void aggregates_count_values_over_the_whole_match() throws Exception {
        Map<?, ?> result = cloudinary.search().expression("resource_type:image").aggregate("format").aggregate("type")
                .aggregate("bytes").maxResults(1).execute();
        Map<?, ?> aggregations = (Map<?, ?>) result.get("aggregations");
        assertThat(aggregations.get("format")).isEqualTo(Map.of("png", 3, "jpg", 2));
        assertThat(aggregations.get("type")).isEqualTo(Map.of("upload", 5));
        assertThat(aggregations.get("bytes")).isEqualTo(Map.of("tiny", 5));
        assertThat(result.get("total_count")).isEqualTo(5);
    }

    @Test
    void a_cursor_walks_the_match_to_its_end_without_repeats_even_while_uploads_go_on() throws Exception {
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Search search = cloudinary.search().expression("asset_folder:animals/* OR asset_folder=vehicles OR "
                    + "asset_folder=docs OR tags:sunset").sortBy("public_id", "asc").maxResults(2);
            Map<?, ?> page = (cursor == null ? search : search.nextCursor(cursor)).execute();
            seen.addAll(ids(page));
            cursor = (String) page.get("next_cursor");
            if (pages++ == 0) {
                // a new match sorting before the cursor must not shift the pages after it
                cloudinary.uploader().upload(TestImages.png(5, 5, 99), ObjectUtils.asMap("public_id", "aaa_new", "asset_folder", "docs"));
            }
        } while (cursor != null);
        assertThat(seen).containsExactly("car_1", "cat_1", "cat_2", "doc_1", "dog_1", "sunset_beach");
        cloudinary.uploader().destroy("aaa_new", ObjectUtils.emptyMap());
    }

    @Test
    void results_hold_tags_and_context_only_when_asked_and_fields_narrows_them() throws Exception {
        Map<?, ?> plain = (Map<?, ?>) ((List<?>) cloudinary.search().expression("public_id=cat_1").execute().get("resources")).get(0);
        assertThat(List.copyOf(plain.keySet()).stream().map(Object::toString).toList()).doesNotContain("tags", "context");
        assertThat(plain.get("asset_folder")).isEqualTo("animals/cats");
        assertThat(plain.get("aspect_ratio")).isEqualTo(2.0);
        assertThat(plain.get("pixels")).isEqualTo(800);
        Map<?, ?> rich = (Map<?, ?>) ((List<?>) cloudinary.search().expression("public_id=cat_1").withField("tags")
                .withField("context").execute().get("resources")).get(0);
        assertThat(rich.get("tags")).isEqualTo(List.of("cute", "cat"));
        assertThat(rich.get("context")).isEqualTo(Map.of("custom", Map.of("color", "black")));
        Map<?, ?> narrow = (Map<?, ?>) ((List<?>) cloudinary.search().expression("public_id=cat_1").fields("width")
                .execute().get("resources")).get(0);
        assertThat(narrow.get("width")).isEqualTo(40);
        assertThat(narrow.keySet().stream().map(Object::toString).toList()).doesNotContain("format", "height", "url");
        assertThat(narrow.keySet().stream().map(Object::toString).toList()).contains("asset_id", "public_id", "created_at", "resource_type", "type");
    }

    @Test
    void a_syntax_error_names_its_position() {
        assertThatThrownBy(() -> cloudinary.search().expression("tags:cute AND (format:png").execute())
                .isInstanceOf(BadRequest.class).hasMessage("Missing ')' for the '(' at position 15 (at position 26)");
    }

    @Test
    void an_unknown_field_is_named() {
        assertThatThrownBy(() -> cloudinary.search().expression("colour:red").execute())
                .isInstanceOf(BadRequest.class).hasMessage("Unknown search field: colour (at position 1)");
    }

    @Test
    void a_value_a_field_cannot_hold_is_named() {
        assertThatThrownBy(() -> cloudinary.search().expression("width>wide").execute())
                .isInstanceOf(BadRequest.class).hasMessage("width needs a whole number, not 'wide' (at position 1)");
    }

    @Test
    void a_cursor_of_another_search_is_refused() throws Exception {
        String cursor = (String) cloudinary.search().expression("tags:cute").maxResults(1).execute().get("next_cursor");
        assertThatThrownBy(() -> cloudinary.search().expression("tags:cat").maxResults(1).nextCursor(cursor).execute())
                .isInstanceOf(BadRequest.class);
    }

    @Test
    void the_search_answers_over_get_with_query_parameters() throws Exception {
        HttpResponse<String> response = get("/v1_1/search-cloud/resources/search?expression="
                + URLEncoder.encode("tags:cute", StandardCharsets.UTF_8) + "&sort_by=public_id:desc&max_results=5",
                "search-key", "search-secret");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"total_count\":2").containsSubsequence("\"public_id\":\"dog_1\"",
                "\"public_id\":\"cat_1\"");
    }

    @Test
    void max_results_above_500_is_a_400() {
        assertThatThrownBy(() -> cloudinary.search().expression("tags:cute").maxResults(501).execute())
                .isInstanceOf(BadRequest.class).hasMessage("max_results must be between 1 and 500");
    }
}
