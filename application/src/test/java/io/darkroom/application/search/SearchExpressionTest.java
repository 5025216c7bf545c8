package io.darkroom.application.search;

import io.darkroom.application.search.SearchNode.All;
import io.darkroom.application.search.SearchNode.Any;
import io.darkroom.application.search.SearchNode.Comparison;
import io.darkroom.application.search.SearchNode.Not;
import io.darkroom.application.search.SearchNode.Operator;
import io.darkroom.application.search.SearchNode.Range;
import io.darkroom.application.search.SearchNode.Term;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchExpressionTest {
    @Test
    void a_colon_is_a_match_and_an_equals_sign_is_exact() {
        assertThat(SearchExpression.parse("tags:cat")).isEqualTo(new Comparison(SearchField.TAGS, null, Operator.MATCH, "cat", false, 0));
        assertThat(SearchExpression.parse("format=png")).isEqualTo(new Comparison(SearchField.FORMAT, null, Operator.EQUALS, "png", false, 0));
    }

    @Test
    void comparisons_come_bare_or_after_a_colon() {
        assertThat(SearchExpression.parse("bytes>=1m")).isEqualTo(new Comparison(SearchField.BYTES, null, Operator.GREATER_OR_EQUAL, "1m", false, 0));
        assertThat(SearchExpression.parse("width:<100")).isEqualTo(new Comparison(SearchField.WIDTH, null, Operator.LESS, "100", false, 0));
    }

    @Test
    void and_binds_tighter_than_or_and_neighbours_are_both_required() {
        assertThat(SearchExpression.parse("a OR b c")).isEqualTo(new Any(List.of(new Term("a", false, false, 0),
                new All(List.of(new Term("b", false, false, 5), new Term("c", false, false, 7))))));
    }

    @Test
    void symbols_mean_what_the_words_mean() {
        assertThat(SearchExpression.parse("tags:a && -tags:b || !format:png")).isEqualTo(new Any(List.of(
                new All(List.of(new Comparison(SearchField.TAGS, null, Operator.MATCH, "a", false, 0),
                        new Not(new Comparison(SearchField.TAGS, null, Operator.MATCH, "b", false, 11)))),
                new Not(new Comparison(SearchField.FORMAT, null, Operator.MATCH, "png", false, 22)))));
    }

    @Test
    void quoted_values_keep_blanks_and_escaped_quotes() {
        assertThat(SearchExpression.parse("display_name:\"Say \\\"hi\\\" now\"")).isEqualTo(
                new Comparison(SearchField.DISPLAY_NAME, null, Operator.MATCH, "Say \"hi\" now", false, 0));
    }

    @Test
    void a_trailing_star_is_a_prefix_and_a_star_alone_any_value() {
        assertThat(SearchExpression.parse("public_id:cat*")).isEqualTo(new Comparison(SearchField.PUBLIC_ID, null, Operator.MATCH, "cat", true, 0));
        assertThat(SearchExpression.parse("context.alt:*")).isEqualTo(new Comparison(SearchField.CONTEXT, "alt", Operator.MATCH, "", true, 0));
    }

    @Test
    void ranges_take_inclusive_and_exclusive_ends_and_open_ones() {
        assertThat(SearchExpression.parse("width:[10 TO 20}")).isEqualTo(new Range(SearchField.WIDTH, null, "10", true, "20", false, 0));
        assertThat(SearchExpression.parse("uploaded_at:[2026-01-01 TO *]")).isEqualTo(
                new Range(SearchField.CREATED_AT, null, "2026-01-01", true, null, true, 0));
    }

    @Test
    void folder_and_asset_folder_are_one_field() {
        assertThat(SearchExpression.parse("folder:a")).isEqualTo(SearchExpression.parse("asset_folder:a"));
    }

    @Test
    void parentheses_group() {
        assertThat(SearchExpression.parse("NOT (a OR b)")).isEqualTo(new Not(new Any(List.of(new Term("a", false, false, 5),
                new Term("b", false, false, 10)))));
    }

    @Test
    void an_unknown_field_is_named_with_its_position() {
        assertThatThrownBy(() -> SearchExpression.parse("tags:a AND colour:red")).isInstanceOf(SearchSyntaxException.class)
                .hasMessage("Unknown search field: colour (at position 12)");
    }

    @Test
    void an_unclosed_parenthesis_is_reported_where_the_text_ends() {
        assertThatThrownBy(() -> SearchExpression.parse("(a OR b")).hasMessage("Missing ')' for the '(' at position 1 (at position 8)");
    }

    @Test
    void an_unbalanced_closing_parenthesis_is_reported() {
        assertThatThrownBy(() -> SearchExpression.parse("a)")).hasMessage("Unbalanced ')' (at position 2)");
    }

    @Test
    void a_star_inside_a_value_is_refused() {
        assertThatThrownBy(() -> SearchExpression.parse("public_id:a*b")).hasMessage("Only a trailing * wildcard is supported (at position 12)");
    }

    @Test
    void an_unclosed_quote_is_reported_where_it_opens() {
        assertThatThrownBy(() -> SearchExpression.parse("tags:\"cat")).hasMessage("Unclosed quote (at position 6)");
    }

    @Test
    void nesting_is_bounded() {
        assertThatThrownBy(() -> SearchExpression.parse("(".repeat(40) + "a" + ")".repeat(40)))
                .hasMessageStartingWith("Expression nests deeper than 32 levels");
    }

    @Test
    void the_number_of_conditions_is_bounded() {
        assertThatThrownBy(() -> SearchExpression.parse("a ".repeat(101))).hasMessageStartingWith("Expression has more than 100 conditions");
    }

    @Test
    void a_blank_expression_matches_everything() {
        assertThat(SearchExpression.parse("  ")).isEqualTo(new SearchNode.Everything());
    }
}
