package io.darkroom.application.search;

import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.DarkroomException;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Search API's use case: reads the expression, checks sort keys, aggregates and page size, and turns a page's
 * position into a signed cursor bound to the cloud, the expression and the sort (a cursor of another search is a 400).
 * Every error of an expression is a 400 that names the position or the field.
 */
public class ResourceSearch {
    private static final Set<SearchField> SORTABLE = EnumSet.of(SearchField.PUBLIC_ID, SearchField.ASSET_ID,
            SearchField.ASSET_FOLDER, SearchField.DISPLAY_NAME, SearchField.RESOURCE_TYPE, SearchField.TYPE, SearchField.FORMAT,
            SearchField.BYTES, SearchField.WIDTH, SearchField.HEIGHT, SearchField.PAGES, SearchField.CREATED_AT);

    private final SearchIndex index;
    private final CursorCodec cursors;

    public ResourceSearch(SearchIndex index, CursorCodec cursors) {
        this.index = index;
        this.cursors = cursors;
    }

    /** A page and the cursor of the next one (null at the end). */
    public record Result(SearchPage page, String nextCursor) {
    }

    public Result search(String cloud, String expression, List<SearchRequest.SortKey> sort, Integer maxResults, String cursor,
                         Set<SearchRequest.Aggregate> aggregates) {
        return search(cloud, expression, sort, maxResults, cursor, aggregates, true);
    }

    /** A page of matches newest first without the total (which would read every match): for browsing. */
    public Result browse(String cloud, String expression, int maxResults, String cursor) {
        return search(cloud, expression, List.of(), maxResults, cursor, Set.of(), false);
    }

    private Result search(String cloud, String expression, List<SearchRequest.SortKey> sort, Integer maxResults, String cursor,
                          Set<SearchRequest.Aggregate> aggregates, boolean counted) {
        int max = maxResults == null ? SearchRequest.DEFAULT_MAX_RESULTS : maxResults;
        if (max < 1 || max > SearchRequest.MAX_RESULTS) {
            throw DarkroomException.badRequest("max_results must be between 1 and " + SearchRequest.MAX_RESULTS);
        }
        List<SearchRequest.SortKey> order = sort.isEmpty() ? List.of(new SearchRequest.SortKey(SearchField.CREATED_AT, true)) : sort;
        String scope = scope(cloud, expression, order);
        List<String> after = cursor == null || cursor.isBlank() ? null : cursors.decode(scope, cursor, order.size() + 1);
        try {
            SearchNode tree = SearchExpression.parse(expression);
            SearchPage page = index.search(new SearchRequest(cloud, tree, order, max, after, aggregates, counted));
            return new Result(page, page.after() == null ? null : cursors.encode(scope, page.after()));
        } catch (SearchSyntaxException e) {
            throw DarkroomException.badRequest(e.getMessage());
        }
    }

    /** {@code field} and {@code asc}/{@code desc} (anything else: 400). */
    public static SearchRequest.SortKey sortKey(String field, String direction) {
        SearchField named = SearchField.named(field).filter(SORTABLE::contains).orElseThrow(() -> DarkroomException.badRequest(
                "Cannot sort by " + field + ": sort by public_id, asset_id, asset_folder, display_name, resource_type, type, "
                        + "format, bytes, width, height, pages, created_at or uploaded_at"));
        String dir = direction == null ? "desc" : direction.strip().toLowerCase(Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc") && !dir.equals("1") && !dir.equals("-1")) {
            throw DarkroomException.badRequest("Sort direction of " + field + " must be asc or desc, not " + direction);
        }
        return new SearchRequest.SortKey(named, dir.equals("desc") || dir.equals("-1"));
    }

    public static SearchRequest.Aggregate aggregate(String name) {
        for (SearchRequest.Aggregate aggregate : SearchRequest.Aggregate.values()) {
            if (aggregate.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return aggregate;
            }
        }
        throw DarkroomException.badRequest("Cannot aggregate by " + name + ": aggregate by resource_type, type, format or bytes");
    }

    private static String scope(String cloud, String expression, List<SearchRequest.SortKey> sort) {
        StringBuilder scope = new StringBuilder("search\u0000").append(cloud).append('\u0000')
                .append(expression == null ? "" : expression.strip());
        sort.forEach(key -> scope.append('\u0000').append(key.field()).append(key.descending() ? "-" : "+"));
        return scope.toString();
    }
}
