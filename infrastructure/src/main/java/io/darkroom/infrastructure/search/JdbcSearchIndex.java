package io.darkroom.infrastructure.search;

import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.search.SearchField;
import io.darkroom.application.search.SearchIndex;
import io.darkroom.application.search.SearchPage;
import io.darkroom.application.search.SearchRequest;
import io.darkroom.application.search.SearchSyntaxException;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.infrastructure.resource.JdbcResourceCatalog;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the listing rows. A page is one keyset query (the sort keys and the asset id, compared key by key so that
 * mixed directions work), so a cursor stays exact while uploads go on; the total and every aggregate are one more query
 * ({@code GROUPING SETS}: one pass over the match). Each statement is bounded by {@code timeout}; a search that runs
 * out of it is a 400 asking for a narrower expression.
 */
public class JdbcSearchIndex implements SearchIndex {
    private static final String BYTES_RANGE = """
            CASE WHEN r.bytes < 102400 THEN 'tiny' WHEN r.bytes < 1048576 THEN 'small' WHEN r.bytes < 10485760 THEN 'medium'
                 WHEN r.bytes < 104857600 THEN 'large' ELSE 'huge' END""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long timeoutMillis;

    public JdbcSearchIndex(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, java.time.Duration timeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Both queries in one read-only transaction that sets, for itself only, the statement timeout and custom plans: a
     * search's selectivity lies in its values (a tag held by ten assets or by half the cloud), so a plan cached for one
     * set of values (what the driver's prepared statements get after a few runs) can be a thousand times too slow for
     * another.
     */
    @Override
    public SearchPage search(SearchRequest request) {
        SearchSql.Condition condition = SearchSql.of(request.expression(), clock);
        try {
            return transactions.execute(status -> {
                // work_mem: an aggregate's grouping sets hashed in memory instead of sorted on disk
                jdbc.query("SELECT set_config('statement_timeout', ?, true), set_config('plan_cache_mode', 'force_custom_plan', true), "
                        + "set_config('work_mem', '32MB', true)", rs -> null, String.valueOf(timeoutMillis));
                return run(request, condition);
            });
        } catch (DataAccessException e) {
            if (isTimeout(e)) {
                throw DarkroomException.badRequest("Search took too long: narrow the expression (a folder, a tag, a date range)");
            }
            throw e;
        }
    }

    private SearchPage run(SearchRequest request, SearchSql.Condition condition) {
        List<ResourceView> rows = page(request, condition);
        boolean more = rows.size() > request.maxResults();
        List<ResourceView> resources = more ? rows.subList(0, request.maxResults()) : rows;
        Map<String, Map<String, Long>> aggregations = new LinkedHashMap<>();
        long total = request.counted() ? counts(request, condition, aggregations) : -1;
        List<String> after = more ? position(request, resources.get(resources.size() - 1)) : null;
        return new SearchPage(List.copyOf(resources), total, aggregations, after);
    }

    /** The sort keys as SQL, the asset id last in the last key's direction. */
    private static List<String[]> keys(SearchRequest request) {
        List<String[]> keys = new ArrayList<>();
        for (SearchRequest.SortKey key : request.sort()) {
            keys.add(new String[]{SearchSql.column(key.field()), key.descending() ? "DESC" : "ASC", key.field().name()});
        }
        boolean lastDescending = request.sort().isEmpty() || request.sort().get(request.sort().size() - 1).descending();
        keys.add(new String[]{"r.asset_id", lastDescending ? "DESC" : "ASC", "ASSET_ID"});
        return keys;
    }

    private List<ResourceView> page(SearchRequest request, SearchSql.Condition condition) {
        List<String[]> keys = keys(request);
        StringBuilder sql = new StringBuilder("SELECT ").append(JdbcResourceCatalog.COLUMNS)
                .append(" FROM resource_listing r WHERE r.cloud = ? AND (").append(condition.sql()).append(')');
        List<Object> args = new ArrayList<>();
        args.add(request.cloud());
        args.addAll(condition.args());
        if (request.after() != null) {
            sql.append(" AND (");
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "(" : " OR (");
                for (int j = 0; j < i; j++) {
                    sql.append(keys.get(j)[0]).append(" = ").append(placeholder(keys.get(j)[2])).append(" AND ");
                    args.add(positionValue(keys.get(j)[2], request.after().get(j)));
                }
                sql.append(keys.get(i)[0]).append(keys.get(i)[1].equals("DESC") ? " < " : " > ").append(placeholder(keys.get(i)[2]))
                        .append(')');
                args.add(positionValue(keys.get(i)[2], request.after().get(i)));
            }
            sql.append(')');
        }
        sql.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(keys.get(i)[0]).append(' ').append(keys.get(i)[1]);
        }
        sql.append(" LIMIT ?");
        args.add(request.maxResults() + 1);
        return jdbc.query(sql.toString(), JdbcResourceCatalog.VIEW, args.toArray());
    }

    private long counts(SearchRequest request, SearchSql.Condition condition, Map<String, Map<String, Long>> into) {
        List<SearchRequest.Aggregate> aggregates = List.copyOf(request.aggregates());
        List<Object> args = new ArrayList<>();
        args.add(request.cloud());
        args.addAll(condition.args());
        if (aggregates.isEmpty()) {
            Long total = jdbc.queryForObject("SELECT count(*) FROM resource_listing r WHERE r.cloud = ? AND (" + condition.sql() + ")",
                    Long.class, args.toArray());
            return total == null ? 0 : total;
        }
        StringBuilder select = new StringBuilder("SELECT count(*) AS n");
        StringBuilder sets = new StringBuilder("()");
        for (int i = 0; i < aggregates.size(); i++) {
            String expression = expression(aggregates.get(i));
            select.append(", ").append(expression).append(" AS a").append(i).append(", GROUPING(").append(expression)
                    .append(") AS g").append(i);
            sets.append(", (").append(expression).append(')');
        }
        long[] total = {0};
        jdbc.query(select + " FROM resource_listing r WHERE r.cloud = ? AND (" + condition.sql() + ") GROUP BY GROUPING SETS ("
                + sets + ")", rs -> {
            long n = rs.getLong("n");
            boolean grouped = false;
            for (int i = 0; i < aggregates.size(); i++) {
                if (rs.getInt("g" + i) == 0) {
                    grouped = true;
                    into.computeIfAbsent(aggregates.get(i).wireName(), k -> new LinkedHashMap<>())
                            .merge(String.valueOf(rs.getString("a" + i)), n, Long::sum);
                }
            }
            if (!grouped) {
                total[0] = n;
            }
        }, args.toArray());
        aggregates.forEach(a -> into.computeIfAbsent(a.wireName(), k -> new LinkedHashMap<>()));
        return total[0];
    }

    private static String expression(SearchRequest.Aggregate aggregate) {
        return switch (aggregate) {
            case RESOURCE_TYPE -> "r.resource_type";
            case TYPE -> "r.type";
            case FORMAT -> "r.format";
            case BYTES -> BYTES_RANGE;
        };
    }

    /** The sort values and asset id of {@code last}, as text, for the next page's cursor. */
    private static List<String> position(SearchRequest request, ResourceView last) {
        List<String> values = new ArrayList<>();
        for (SearchRequest.SortKey key : request.sort()) {
            values.add(valueOf(key.field(), last));
        }
        values.add(last.assetId());
        return values;
    }

    static String valueOf(SearchField field, ResourceView r) {
        return switch (field) {
            case PUBLIC_ID -> r.publicId();
            case ASSET_ID -> r.assetId();
            case ASSET_FOLDER -> r.assetFolder();
            case DISPLAY_NAME -> r.displayName();
            case RESOURCE_TYPE -> r.resourceType();
            case TYPE -> r.type();
            case FORMAT -> r.format();
            case BYTES -> String.valueOf(r.bytes());
            case WIDTH -> String.valueOf(r.width());
            case HEIGHT -> String.valueOf(r.height());
            case PAGES -> String.valueOf(r.pages());
            case CREATED_AT -> r.createdAt().toString();
            default -> throw new IllegalArgumentException("not a sort field: " + field);
        };
    }

    private static String placeholder(String fieldName) {
        return fieldName.equals("ASSET_ID") ? "?::bpchar" : "?";
    }

    private static Object positionValue(String fieldName, String value) {
        SearchField field = SearchField.valueOf(fieldName);
        try {
            return switch (field) {
                case BYTES, WIDTH, HEIGHT, PAGES -> Long.parseLong(value);
                case CREATED_AT -> Timestamp.from(Instant.parse(value));
                default -> value;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new SearchSyntaxException("next_cursor does not fit this search", 0);
        }
    }

    private static boolean isTimeout(DataAccessException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
            cause = cause.getCause();
        }
        return e instanceof org.springframework.dao.QueryTimeoutException;
    }
}
