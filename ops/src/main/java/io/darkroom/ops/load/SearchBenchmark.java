package io.darkroom.ops.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.darkroom.ops.client.Api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The Search API over a large cloud, side by side with the SQL each expression compiles to, in the same run. Seeds
 * {@code --assets} upload events by SQL (clones of one uploaded asset, each with its own folder of 1,000, two tags of
 * 500 plus {@code common}, a context value of 100, one of four formats, its own size, dimensions and upload minute),
 * rebuilds every read model online from them (mode switch: the search rows are then live; the rebuild's rate at its
 * start and end and a plain scan of the event table are printed), then times ten typical searches over HTTP and their SQL
 * through JDBC (the page query and the count or aggregate query, as {@code JdbcSearchIndex} writes them): p50 and p99 of
 * each.
 *
 * <pre>java -jar ops/target/darkroom-load.jar search --cloud-url cloudinary://KEY:SECRET@CLOUD \
 *     --db-url jdbc:postgresql://localhost:PORT/postgres --operator-token TOKEN [--url ...] [--assets 1000000] [--runs 100]
 *     [--skip-seed]</pre>
 * ({@code --skip-seed}: time the searches over the cloud an earlier run seeded)
 */
public final class SearchBenchmark {
    private static final String COLUMNS = """
            r.asset_id, r.cloud, r.resource_type, r.type, r.public_id, r.format, r.version, r.version_id, r.width,
            r.height, r.pages, r.bytes, r.etag, r.created_at, r.tags, r.context::text AS context, r.moderation_kind,
            r.moderation_status, r.original_filename, r.asset_folder, r.display_name""";
    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    private SearchBenchmark() {
    }

    /** One typical search: its JSON body for run {@code i}, and the SQL it compiles to with its arguments. */
    private record Case(String name, IntFunction<String> body, IntFunction<Sql> sql) {
    }

    private record Sql(String page, String count, List<Object> args) {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        String dbUrl = null;
        String token = System.getenv("DARKROOM_OPERATOR_TOKEN");
        int assets = 1_000_000;
        int runs = 100;
        boolean skipSeed = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--db-url" -> dbUrl = args[++i];
                case "--operator-token" -> token = args[++i];
                case "--assets" -> assets = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--skip-seed" -> skipSeed = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        BenchmarkTarget target = BenchmarkTarget.of(url, cloudUrl);
        Api api = target.api();
        String cloud = api.cloud();
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "")) {
            if (!skipSeed) {
                seed(api, db, assets);
                rebuild(target, url, token, db);
            }
            Instant now = Instant.now();
            List<Case> cases = cases(cloud, now);
            System.out.printf("%-28s %12s %12s %12s %12s %8s%n", "search", "HTTP p50", "HTTP p99", "SQL p50", "SQL p99", "p99 x");
            for (Case c : cases) {
                measure(api, db, c, runs);
            }
            deepCursor(api, db, cloud);
        }
    }

    private static void seed(Api api, Connection db, int assets) throws Exception {
        String template = "search-bench/template-" + System.nanoTime();
        JsonNode uploaded = api.upload(Map.of("public_id", template), SampleImages.photo(64, 48, 1, 0.8f), "t.jpg").json();
        String assetId = uploaded.path("asset_id").asText();
        String salt = Long.toString(System.nanoTime());
        long start = System.nanoTime();
        int chunk = 100_000;
        for (int from = 1; from <= assets; from += chunk) {
            try (PreparedStatement seed = db.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                        payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, a.id, 0, e.type, e.time_stamp, e.payload_type, e.payload_revision,
                           convert_to((e.p || jsonb_build_object(
                               'assetId', a.id, 'publicId', 'search-bench/' || n, 'assetFolder', 'f' || (n % 1000),
                               'displayName', 'asset ' || n, 'tags', jsonb_build_array('t' || (n % 500), 't' || (n % 499 + 500), 'common'),
                               'context', jsonb_build_object('k', 'v' || (n % 100)),
                               'uploadedAt', CASE jsonb_typeof(e.p -> 'uploadedAt')
                                   WHEN 'string' THEN to_jsonb(to_char((e.p ->> 'uploadedAt')::timestamptz AT TIME ZONE 'UTC'
                                       - n * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                                   ELSE to_jsonb((e.p ->> 'uploadedAt')::numeric - n * 60) END,
                               'facts', (e.p -> 'facts') || jsonb_build_object('format', (ARRAY['jpg', 'png', 'webp', 'gif'])[n % 4 + 1],
                                   'bytes', 1000 + (n::bigint * 7919) % 5000000, 'width', 100 + n % 3000, 'height', 100 + n % 2000))
                           )::text, 'UTF8'), e.meta_data
                    FROM generate_series(?, ?) n
                    CROSS JOIN LATERAL (SELECT md5(n::text || ?) AS id) a
                    CROSS JOIN (SELECT *, convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
                                WHERE aggregate_identifier = ? AND sequence_number = 0) e
                    ORDER BY n""")) {
                seed.setInt(1, from);
                seed.setInt(2, Math.min(assets, from + chunk - 1));
                seed.setString(3, salt);
                seed.setString(4, assetId);
                seed.executeUpdate();
            }
            System.out.printf("  seeded %,d of %,d upload events (%.0f s)%n", Math.min(assets, from + chunk - 1), assets,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** A switch-mode rebuild of every read model: the seeded events become listing and search rows. */
    private static void rebuild(BenchmarkTarget target, String url, String token, Connection db) throws Exception {
        double scanRate = EventTableScan.rate(db);
        long start = System.nanoTime();
        HttpResponse<String> started = target.http().send(HttpRequest.newBuilder(URI.create(url + "/ops/rebuild?projections=all&mode=switch"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.body());
        }
        RateSlope slope = new RateSlope(start);
        JsonNode status;
        do {
            Thread.sleep(2000);
            status = Api.JSON.readTree(target.http().send(HttpRequest.newBuilder(URI.create(url + "/ops/rebuild"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            slope.add(System.nanoTime(), status.path("done").asLong());
        } while (status.path("state").asText().equals("running"));
        if (!status.path("state").asText().equals("done")) {
            throw new IllegalStateException("rebuild ended " + status);
        }
        long events = status.path("events").asLong();
        double rate = events / ((System.nanoTime() - start) / 1e9);
        slope.add(System.nanoTime(), events);
        double first = slope.rate(0, RateSlope.WINDOW);
        double last = slope.rate(events - RateSlope.WINDOW, events);
        System.out.printf("online rebuild of every read model (switch): %,d events at %,.0f events/s = %.1f%% of the scan; "
                + "first %,d at %,.0f/s, last %,d at %,.0f/s (%.0f%% of the first)%n", events, rate, 100 * rate / scanRate,
                RateSlope.WINDOW, first, RateSlope.WINDOW, last, 100 * last / first);
    }

    private static List<Case> cases(String cloud, Instant now) {
        String order = " ORDER BY r.created_at DESC, r.asset_id DESC LIMIT 51";
        String from = " FROM resource_listing r WHERE r.cloud = ? AND ";
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("by folder", i -> body("asset_folder=f" + (i % 1000), null, null),
                i -> new Sql("SELECT " + COLUMNS + from + "(r.asset_folder = ?)" + order, "SELECT count(*)" + from + "(r.asset_folder = ?)",
                        List.of(cloud, "f" + (i % 1000)))));
        cases.add(new Case("by tag", i -> body("tags=t" + (i % 500), null, null),
                i -> new Sql("SELECT " + COLUMNS + from + "(r.tags @> ARRAY[?]::text[])" + order,
                        "SELECT count(*)" + from + "(r.tags @> ARRAY[?]::text[])", List.of(cloud, "t" + (i % 500)))));
        Timestamp weeks = Timestamp.from(now.minus(26 * 7, ChronoUnit.DAYS));
        cases.add(new Case("tag AND date", i -> body("tags=t" + (i % 500) + " AND uploaded_at>26w", null, null),
                i -> new Sql("SELECT " + COLUMNS + from + "((r.tags @> ARRAY[?]::text[] AND r.created_at > ?))" + order,
                        "SELECT count(*)" + from + "((r.tags @> ARRAY[?]::text[] AND r.created_at > ?))", List.of(cloud, "t" + (i % 500), weeks))));
        cases.add(new Case("prefix wildcard", i -> body("public_id:search-bench/" + (1000 + i) + "*", null, null),
                i -> new Sql("SELECT " + COLUMNS + from + "((r.public_id >= ? AND r.public_id < ?))" + order,
                        "SELECT count(*)" + from + "((r.public_id >= ? AND r.public_id < ?))",
                        List.of(cloud, "search-bench/" + (1000 + i), "search-bench/" + (1000 + i) + MAX))));
        cases.add(new Case("format + bytes range", i -> body("format=png AND bytes:[" + (100000 + i * 1000) + " TO " + (120000 + i * 1000) + "]", null, null),
                i -> new Sql("SELECT " + COLUMNS + from + "((r.format = ? AND (r.bytes >= ? AND r.bytes <= ?)))" + order,
                        "SELECT count(*)" + from + "((r.format = ? AND (r.bytes >= ? AND r.bytes <= ?)))",
                        List.of(cloud, "png", 100000L + i * 1000, 120000L + i * 1000))));
        cases.add(new Case("context key", i -> body("context.k=v" + (i % 100), null, null),
                i -> new Sql("SELECT " + COLUMNS + from + "(r.context @> jsonb_build_object(?::text, ?::text))" + order,
                        "SELECT count(*)" + from + "(r.context @> jsonb_build_object(?::text, ?::text))", List.of(cloud, "k", "v" + (i % 100)))));
        cases.add(new Case("free term", i -> body(String.valueOf(123456 + i), null, null),
                i -> new Sql("SELECT " + COLUMNS + from + "(r.search_words @@ to_tsquery('simple', ?))" + order,
                        "SELECT count(*)" + from + "(r.search_words @@ to_tsquery('simple', ?))", List.of(cloud, "'" + (123456 + i) + "'"))));
        cases.add(new Case("sorted by bytes", i -> body("format=gif", "bytes", null),
                i -> new Sql("SELECT " + COLUMNS + from + "(r.format = ?) ORDER BY r.bytes DESC, r.asset_id DESC LIMIT 51",
                        "SELECT count(*)" + from + "(r.format = ?)", List.of(cloud, "gif"))));
        String bucket = "CASE WHEN r.bytes < 102400 THEN 'tiny' WHEN r.bytes < 1048576 THEN 'small' WHEN r.bytes < 10485760 THEN 'medium' "
                + "WHEN r.bytes < 104857600 THEN 'large' ELSE 'huge' END";
        cases.add(new Case("aggregate, whole cloud", i -> body("", null, "[\"format\", \"bytes\"]"),
                i -> new Sql("SELECT " + COLUMNS + from + "(TRUE)" + order,
                        "SELECT count(*) AS n, r.format AS a0, GROUPING(r.format) AS g0, " + bucket + " AS a1, GROUPING(" + bucket
                                + ") AS g1" + from + "(TRUE) GROUP BY GROUPING SETS ((), (r.format), (" + bucket + "))", List.of(cloud))));
        return cases;
    }

    private static String body(String expression, String sortByDesc, String aggregate) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("expression", expression);
        body.put("max_results", 50);
        if (sortByDesc != null) {
            body.putArray("sort_by").addObject().put(sortByDesc, "desc");
        }
        String json = body.toString();
        return aggregate == null ? json : json.substring(0, json.length() - 1) + ",\"aggregate\":" + aggregate + "}";
    }

    private static void measure(Api api, Connection db, Case c, int runs) throws Exception {
        List<Long> http = new ArrayList<>();
        List<Long> sql = new ArrayList<>();
        for (int i = -10; i < runs; i++) {
            int n = Math.abs(i);
            // each run searches other values; which side goes first alternates, so each finds the pages cold half the time
            boolean httpFirst = i % 2 == 0;
            long httpTime = httpFirst ? http(api, c, n) : 0;
            Sql query = c.sql().apply(n);
            long start = System.nanoTime();
            // as JdbcSearchIndex runs them: one transaction with the timeout and custom plans set for it
            db.setAutoCommit(false);
            run(db, "SELECT set_config('statement_timeout', '5000', true), set_config('plan_cache_mode', 'force_custom_plan', true), "
                    + "set_config('work_mem', '32MB', true)",
                    List.of());
            run(db, query.page(), query.args());
            run(db, query.count(), query.args());
            db.commit();
            db.setAutoCommit(true);
            long sqlTime = System.nanoTime() - start;
            if (!httpFirst) {
                httpTime = http(api, c, n);
            }
            if (i >= 0) {
                http.add(httpTime);
                sql.add(sqlTime);
            }
        }
        print(c.name(), http, sql);
    }

    private static long http(Api api, Case c, int n) throws Exception {
        long start = System.nanoTime();
        Api.Answer answer = api.adminJson("POST", "resources/search", c.body().apply(n));
        long time = System.nanoTime() - start;
        if (answer.status() != 200) {
            throw new IllegalStateException(c.name() + ": " + answer.status() + " " + answer.body());
        }
        return time;
    }

    private static int run(Connection db, String sql, List<Object> args) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Pages of 500 by public id over {@code context.k=v7} (10,000 matches, with its count) walked by cursor: each page's time. */
    private static void deepCursor(Api api, Connection db, String cloud) throws Exception {
        List<Long> http = new ArrayList<>();
        List<Long> sql = new ArrayList<>();
        String cursor = null;
        String lastPublicId = null;
        String lastAssetId = null;
        String expression = "context.k=v7";
        for (int page = 0; page < 20; page++) {
            String body = "{\"expression\":\"" + expression + "\",\"max_results\":500,\"sort_by\":[{\"public_id\":\"asc\"}]"
                    + (cursor == null ? "" : ",\"next_cursor\":\"" + cursor + "\"") + "}";
            long start = System.nanoTime();
            Api.Answer answer = api.adminJson("POST", "resources/search", body);
            http.add(System.nanoTime() - start);
            cursor = answer.json().path("next_cursor").asText(null);
            String where = " FROM resource_listing r WHERE r.cloud = ? AND (r.context @> jsonb_build_object(?::text, ?::text))";
            List<Object> args = new ArrayList<>(List.of(cloud, "k", "v7"));
            String keyset = "";
            if (lastPublicId != null) {
                keyset = " AND ((r.public_id > ?) OR (r.public_id = ? AND r.asset_id > ?::bpchar))";
                args.addAll(List.of(lastPublicId, lastPublicId, lastAssetId));
            }
            start = System.nanoTime();
            try (PreparedStatement statement = db.prepareStatement("SELECT " + COLUMNS + where + keyset
                    + " ORDER BY r.public_id ASC, r.asset_id ASC LIMIT 501")) {
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                int rows = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next() && rows++ < 500) {
                        lastPublicId = rs.getString("public_id");
                        lastAssetId = rs.getString("asset_id");
                    }
                }
            }
            run(db, "SELECT count(*)" + where, List.of(cloud, "k", "v7"));
            sql.add(System.nanoTime() - start);
            if (cursor == null) {
                break;
            }
        }
        print("deep cursor (pages of 500)", http, sql);
    }

    private static void print(String name, List<Long> http, List<Long> sql) {
        Collections.sort(http);
        Collections.sort(sql);
        double h50 = percentile(http, 0.5);
        double h99 = percentile(http, 0.99);
        double s50 = percentile(sql, 0.5);
        double s99 = percentile(sql, 0.99);
        System.out.printf("%-28s %9.1f ms %9.1f ms %9.1f ms %9.1f ms %7.2fx%n", name, h50, h99, s50, s99, h99 / s99);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
    }
}
