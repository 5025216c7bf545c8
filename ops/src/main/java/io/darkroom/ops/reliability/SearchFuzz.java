package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random and hostile search expressions against {@code POST /resources/search}, {@code GET /resources/search} and
 * {@code POST /folders/search}: built from the language's own parts (fields, operators, values, ranges, wildcards,
 * quotes, groups) and then mangled (brackets, quotes, operators and SQL dropped in anywhere). Every answer must be a 200
 * or a JSON 4xx, in bounded time; the server's log must show no SQL error afterwards.
 */
final class SearchFuzz {
    private static final String[] FIELDS = {"public_id", "asset_id", "asset_folder", "folder", "display_name", "filename",
            "resource_type", "type", "format", "bytes", "width", "height", "aspect_ratio", "pixels", "pages", "created_at",
            "uploaded_at", "tags", "context.alt", "context.k'--", "context.", "status", "moderation_status", "moderation_kind",
            "colour", "context", "tags.x", "name", "path", "_", "a.b.c"};
    private static final String[] OPERATORS = {":", "=", "<", ">", "<=", ">=", ":>", ":<=", "==", ":=", "=<"};
    private static final String[] VALUES = {"fuzz", "fuzz/0", "1m", "10kb", "5gb", "1w", "3d", "12h", "2m", "1y", "2026-01-01",
            "2026-01-01T00:00:00Z", "16:9", "1.5", "0:0", "*", "a*", "*a", "a*b", "\"quoted value\"", "\"unclosed", "[1 TO 5]",
            "{a TO b}", "[* TO *]", "[1 TO", "[2026-01-01 TO 1w}", "'); DROP TABLE resource_listing; --", "$$", "\\", "%", "_",
            "' OR '1'='1", "99999999999999999999999", "-1", "NaN", "1e309", "ünïcødé", "💥", "&", "|", "!", "(", ")", "\"\"",
            "\\\"", "a\\*", "::", "x:y:z", "-", "--", "/*", "*/", ";", "\u0001", "a b", "TO", "AND", "OR", "NOT"};
    private static final String[] JOINS = {" AND ", " OR ", " && ", " || ", " ", " NOT ", " -", " AND NOT ", " !"};
    private static final String NOISE = "()[]{}\"*:=<>!-&|\\ '%_;$";

    private final Api api;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong slowest = new AtomicLong();
    private final List<String> failures = new ArrayList<>();

    SearchFuzz(Api api) {
        this.api = api;
    }

    record Result(long sent, long serverErrors, long slowestMillis, long sqlErrorsInLog, List<String> failures) {
    }

    Result run(int expressions, long seed, Path log) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < expressions; i++) {
            String expression = expression(random);
            String json = Api.JSON.createObjectNode().put("expression", expression).put("max_results", 1 + random.nextInt(600))
                    .toString();
            int route = random.nextInt(4);
            long start = System.nanoTime();
            Api.Answer answer = switch (route) {
                case 0 -> api.admin("GET", "resources/search?expression=" + java.net.URLEncoder.encode(expression,
                        java.nio.charset.StandardCharsets.UTF_8));
                case 1 -> api.adminJson("POST", "folders/search", json);
                default -> api.adminJson("POST", "resources/search", json);
            };
            long millis = (System.nanoTime() - start) / 1_000_000;
            slowest.accumulateAndGet(millis, Math::max);
            sent.incrementAndGet();
            if (answer.status() >= 500 || (answer.status() >= 400 && !answer.body().startsWith("{\"error\""))) {
                serverErrors.incrementAndGet();
                if (failures.size() < 50) {
                    failures.add("search fuzz: " + expression + " -> " + answer.status() + " " + answer.body());
                }
            }
            if (millis > 10_000 && failures.size() < 50) {
                failures.add("search fuzz: " + expression + " took " + millis + " ms");
            }
        }
        return new Result(sent.get(), serverErrors.get(), slowest.get(), sqlErrors(log), failures);
    }

    /** A clause list in the language, then mangled one time in three. */
    static String expression(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        int clauses = 1 + random.nextInt(6);
        int open = 0;
        for (int c = 0; c < clauses; c++) {
            if (c > 0) {
                out.append(JOINS[random.nextInt(JOINS.length)]);
            }
            if (random.nextInt(5) == 0) {
                out.append('(');
                open++;
            }
            if (random.nextInt(4) == 0) {
                out.append(VALUES[random.nextInt(VALUES.length)]);
            } else {
                out.append(FIELDS[random.nextInt(FIELDS.length)]).append(OPERATORS[random.nextInt(OPERATORS.length)])
                        .append(VALUES[random.nextInt(VALUES.length)]);
            }
            if (open > 0 && random.nextInt(3) == 0) {
                out.append(')');
                open--;
            }
        }
        if (random.nextBoolean()) {
            out.append(")".repeat(open));
        }
        if (random.nextInt(3) == 0) {
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                int at = random.nextInt(out.length() + 1);
                out.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
            }
        }
        if (random.nextInt(50) == 0) {
            out.append(" AND (".repeat(40)).append("a").append(")".repeat(40));
        }
        return out.toString();
    }

    private static long sqlErrors(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("PSQLException") || line.contains("BadSqlGrammar")
                    || line.contains("syntax error in tsquery") || line.contains("SQLState")).count();
        }
    }
}
