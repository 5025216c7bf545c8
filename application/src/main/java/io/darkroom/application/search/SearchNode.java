package io.darkroom.application.search;

import java.util.List;

/** A parsed search expression: a tree of conditions, each carrying its position in the text for error messages. */
public sealed interface SearchNode {
    /** Every operand holds. */
    record All(List<SearchNode> operands) implements SearchNode {
    }

    /** At least one operand holds. */
    record Any(List<SearchNode> operands) implements SearchNode {
    }

    record Not(SearchNode operand) implements SearchNode {
    }

    /** A bare term: words of the asset (public id, display name, file name, tags, context values); quoted: a phrase. */
    record Term(String text, boolean phrase, boolean prefix, int position) implements SearchNode {
    }

    /** How a value is compared. {@code MATCH} is {@code :}, {@code EQUALS} is {@code =}. */
    enum Operator { MATCH, EQUALS, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL }

    /**
     * {@code field op value}; {@code key} is the context key for {@link SearchField#CONTEXT}; {@code prefix} when the
     * value ended in an unquoted {@code *} (the value is then what came before it).
     */
    record Comparison(SearchField field, String key, Operator operator, String value, boolean prefix, int position)
            implements SearchNode {
    }

    /** {@code field:[low TO high]} ({@code {}} for exclusive ends); {@code *} leaves an end open (null). */
    record Range(SearchField field, String key, String low, boolean lowInclusive, String high, boolean highInclusive,
                 int position) implements SearchNode {
    }

    /** Matches every resource: an empty expression. */
    record Everything() implements SearchNode {
    }
}
