package io.darkroom.application.search;

import java.util.List;
import java.util.Set;

/**
 * One search, checked: the cloud's resources matching {@code expression}, in {@code sort} order (the asset id breaks
 * ties), at most {@code maxResults} after the position {@code after} (the sort values and asset id of the last resource
 * of the page before; null for the first page), with the counts of {@code aggregates} and the total over the whole match
 * when {@code counted} (a browsing page, such as the console's, skips the count: it reads the whole match).
 */
public record SearchRequest(String cloud, SearchNode expression, List<SortKey> sort, int maxResults, List<String> after,
                            Set<Aggregate> aggregates, boolean counted) {
    public static final int DEFAULT_MAX_RESULTS = 50;
    public static final int MAX_RESULTS = 500;

    /** One sort field and its direction. */
    public record SortKey(SearchField field, boolean descending) {
    }

    /** What {@code aggregate} may count by: values of a field, or sizes in ranges. */
    public enum Aggregate {
        RESOURCE_TYPE, TYPE, FORMAT, BYTES;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
