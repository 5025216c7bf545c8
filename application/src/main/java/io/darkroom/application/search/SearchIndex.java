package io.darkroom.application.search;

/**
 * Port: runs a search over the search read model. Expressions become parameterised SQL only (no text of an expression is
 * ever SQL); a search is bounded by a statement timeout. A value a field cannot hold (a number that is not one) is a
 * {@link SearchSyntaxException}.
 */
public interface SearchIndex {
    SearchPage search(SearchRequest request);
}
