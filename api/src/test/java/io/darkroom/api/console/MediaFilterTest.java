package io.darkroom.api.console;

import io.darkroom.application.search.SearchExpression;
import io.darkroom.application.support.DarkroomException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the media page's search box and filters become one Search API expression. */
class MediaFilterTest {
    @Test
    void no_filter_is_the_empty_expression_that_matches_everything() {
        assertThat(new MediaFilter(" ", "", null, null, null, null, null).expression()).isEmpty();
    }

    @Test
    void the_box_s_text_goes_in_as_written_and_each_filter_is_anded() {
        assertThat(new MediaFilter("beach OR tags:sea", "image", "jpg", "summer", "2026-12-01", "2026-12-06", "albums/2026")
                .expression()).isEqualTo("(beach OR tags:sea) AND resource_type:image AND format=\"jpg\" AND tags=\"summer\""
                + " AND created_at>=\"2026-12-01\" AND created_at<\"2026-12-07\" AND asset_folder=\"albums/2026\"");
    }

    @Test
    void quotes_and_backslashes_in_a_filter_cannot_break_out_of_its_value() {
        String expression = new MediaFilter(null, null, null, "a\" OR tags:*", null, null, null).expression();
        assertThat(expression).isEqualTo("tags=\"a\\\" OR tags:*\"");
        assertThat(SearchExpression.parse(expression)).as("one condition, the whole text its value")
                .hasToString("Comparison[field=TAGS, key=null, operator=EQUALS, value=a\" OR tags:*, prefix=false, position=0]");
    }

    @Test
    void an_unknown_type_is_no_filter() {
        assertThat(new MediaFilter(null, "<script>", null, null, null, null, null).expression()).isEmpty();
    }

    @Test
    void a_date_that_is_no_date_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new MediaFilter(null, null, null, null, "yesterday", null, null).expression())
                .isInstanceOf(DarkroomException.class).hasMessage("from is a date such as 2026-12-07");
    }

    @Test
    void a_page_link_keeps_the_filters_and_encodes_them() {
        assertThat(new MediaFilter("a b", null, null, "x&y", null, null, null).link("CUR"))
                .isEqualTo("/console/media?q=a%20b&tag=x%26y&next_cursor=CUR");
    }
}
