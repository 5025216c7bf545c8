package io.darkroom.ops.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault and abuse suite: each scenario starts a real Darkroom process (the runnable jar) on
 * real PostgreSQL and drives it over HTTP. Prints one table of figures and exits non-zero when
 * any scenario found a defect.
 *
 * <pre>java -jar ops/target/darkroom-reliability.jar --jar api/target/darkroom.jar</pre>
 */
public final class ReliabilitySuite {
    private ReliabilitySuite() {
    }

    public static void main(String[] args) throws Exception {
        SuiteOptions options = SuiteOptions.parse(args);
        Report report = run(options);
        System.out.println(report.table());
        report.failures().stream().limit(50).forEach(f -> System.out.println("FAILURE: " + f));
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    public static Report run(SuiteOptions options) throws Exception {
        Files.createDirectories(options.workDir());
        Report report = new Report();
        if (options.scenarios().contains("crash")) {
            DarkroomProcess darkroom = new DarkroomProcess(options.jar(), options.workDir().resolve("crash-" + System.nanoTime()), Map.of());
            CrashScenario.Result crash = new CrashScenario(darkroom, options.clients()).run(options.crashRounds());
            report.row("crash rounds survived (kill -9)", crash.roundsSurvived() + " / " + crash.rounds());
            report.row("acknowledged writes checked", String.valueOf(crash.ackedWrites()));
            report.row("of them chunked uploads (two parts each)", String.valueOf(crash.chunkedUploads()));
            report.row("of them restores out of the trash", String.valueOf(crash.restores()));
            report.row("acknowledged writes lost", String.valueOf(crash.lost()));
            report.failures(crash.failures());
        }
        if (options.scenarios().contains("outage")) {
            OutageScenario outage = new OutageScenario(options.jar(), options.workDir().resolve("outage-" + System.nanoTime()),
                    options.clients(), java.time.Duration.ofSeconds(options.outageSeconds()));
            for (OutageScenario.Result result : List.of(outage.external(), outage.embedded())) {
                report.row("outage (" + result.mode() + ", " + options.outageSeconds() + " s): writes served again after",
                        result.recoveryMillis() + " ms");
                report.row("outage (" + result.mode() + "): failed requests / slowest", result.failedRequests() + " / "
                        + result.slowestFailureMillis() + " ms");
                report.row("outage (" + result.mode() + "): acknowledged uploads checked", String.valueOf(result.acked()));
            }
            report.failures(outage.failures());
        }
        if (options.scenarios().contains("fuzz")) {
            // every fuzz request comes from 127.0.0.1 and many carry wrong credentials on purpose: without a high
            // lock-out threshold most would stop at the door (the lock-out itself is checked by the auth scenario)
            DarkroomProcess darkroom = new DarkroomProcess(options.jar(), options.workDir().resolve("fuzz-" + System.nanoTime())
                    .resolve("data"), Map.of("DARKROOM_AUTH_MAX_FAILURES_PER_MINUTE", "1000000000"));
            FuzzScenario.Result fuzz = new FuzzScenario(darkroom, 8).run(options.fuzzRequests());
            report.row("fuzz requests sent", String.valueOf(fuzz.sent()));
            report.row("fuzz answers with status 5xx", String.valueOf(fuzz.serverErrors()));
            report.row("fuzz errors not in the JSON error shape", String.valueOf(fuzz.nonJsonErrors()));
            report.row("fuzz requests over the 64 KB header limit cut off without an answer", String.valueOf(fuzz.cutOff()));
            report.row("fuzz statuses", fuzz.statuses().toString());
            report.row("search expressions fuzzed (5xx or non-JSON errors; slowest; SQL errors logged)",
                    fuzz.search().sent() + " (" + fuzz.search().serverErrors() + "; " + fuzz.search().slowestMillis() + " ms; "
                            + fuzz.search().sqlErrorsInLog() + ")");
            report.failures(fuzz.failures());
        }
        if (options.scenarios().contains("twonode")) {
            twoNodes(report, "two nodes, one data directory", new TwoNodeScenario(options.jar(),
                    options.workDir().resolve("twonode-" + System.nanoTime()), null));
        }
        if (options.scenarios().stream().anyMatch(scenario -> scenario.endsWith("-s3"))) {
            objectStore(options, report);
        }
        if (options.scenarios().contains("auth")) {
            AuthScenario.Result auth = new AuthScenario(options.jar(), options.workDir().resolve("auth-" + System.nanoTime())).run();
            report.row("auth cases tried", String.valueOf(auth.cases()));
            report.row("auth cases passed wrongly", String.valueOf(auth.passedWrongly()));
            report.row("address locked out after repeated failures", auth.lockedOut() ? "yes" : "no");
            report.row("secrets found in database or log", String.valueOf(auth.secretsFound()));
            report.failures(auth.failures());
        }
        return report;
    }

    private static void twoNodes(Report report, String name, TwoNodeScenario scenario) throws Exception {
        TwoNodeScenario.Result twoNodes = scenario.run(8);
        report.row(name + ": chunked uploads with parts split across the nodes", String.valueOf(twoNodes.uploads()));
        report.row(name + ": of them one whole asset, read through both nodes", String.valueOf(twoNodes.whole()));
        report.row(name + ": plain uploads derived, renamed, deleted; delivered alike by both", twoNodes.plainIdentical() + " / "
                + twoNodes.plainChecked());
        report.failures(twoNodes.failures());
    }

    /**
     * The scenarios on object storage: S3Proxy started here (or the running server {@code --s3-endpoint} names, whose
     * bucket and keys come from {@code --s3-bucket} and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).
     */
    private static void objectStore(SuiteOptions options, Report report) throws Exception {
        boolean external = options.s3Endpoint() != null;
        try (ObjectStore store = external
                ? ObjectStore.external(options.s3Endpoint(), options.s3Bucket(), System.getenv("AWS_ACCESS_KEY_ID"),
                System.getenv("AWS_SECRET_ACCESS_KEY"), options.s3Region())
                : ObjectStore.s3proxy(options.s3proxyJar(), options.workDir().resolve("s3proxy-" + System.nanoTime()))) {
            String where = external ? options.s3Endpoint() : "S3Proxy";
            if (options.scenarios().contains("twonode-s3")) {
                twoNodes(report, "two nodes, own data directories, one bucket (" + where + ")", new TwoNodeScenario(options.jar(),
                        options.workDir().resolve("twonode-s3-" + System.nanoTime()), store));
            }
            if (options.scenarios().contains("crash-s3")) {
                String prefix = "crash-" + Long.toHexString(System.nanoTime());
                DarkroomProcess darkroom = new DarkroomProcess(options.jar(), options.workDir().resolve("crash-s3-" + System.nanoTime()),
                        store.environment(prefix));
                CrashScenario.Result crash = new CrashScenario(darkroom, options.clients(), () -> store.count(prefix + "/"))
                        .run(options.crashRoundsOnBucket());
                report.row("crash rounds survived on a bucket (kill -9)", crash.roundsSurvived() + " / " + crash.rounds());
                report.row("acknowledged writes checked on a bucket", String.valueOf(crash.ackedWrites()));
                report.row("acknowledged writes lost on a bucket", String.valueOf(crash.lost()));
                report.failures(crash.failures());
            }
            if (options.scenarios().contains("outage-s3") && !external) {
                BlobOutageScenario.Result outage = new BlobOutageScenario(options.jar(), options.workDir().resolve("outage-s3-" + System.nanoTime()),
                        store, options.clients(), java.time.Duration.ofSeconds(options.outageSeconds())).run();
                report.row("object store outage (" + options.outageSeconds() + " s): uploads served again after", outage.recoveryMillis() + " ms");
                report.row("object store outage: JSON 503 answers / slowest", outage.failedRequests() + " / " + outage.slowestFailureMillis() + " ms");
                report.row("object store outage: acknowledged uploads checked", String.valueOf(outage.acked()));
                report.failures(outage.failures());
            }
        }
    }

    /**
     * Options: --jar, --work-dir, --scenarios crash,outage,fuzz,twonode,auth,twonode-s3,crash-s3,outage-s3, --crash-rounds,
     * --crash-rounds-s3 (default: --crash-rounds),
     * --fuzz-requests, --clients, --outage-seconds, --s3proxy-jar, and for a running S3 server instead of S3Proxy
     * --s3-endpoint, --s3-bucket, --s3-region.
     */
    public record SuiteOptions(Path jar, Path workDir, List<String> scenarios, int crashRounds, int fuzzRequests, int clients,
                               int outageSeconds, Path s3proxyJar, String s3Endpoint, String s3Bucket, String s3Region,
                               int crashRoundsOnBucket) {
        public static SuiteOptions parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new SuiteOptions(Path.of(values.getOrDefault("jar", "api/target/darkroom.jar")),
                    Path.of(values.getOrDefault("work-dir", "target/reliability")),
                    List.of(values.getOrDefault("scenarios", "crash,outage,fuzz,twonode,auth,twonode-s3,crash-s3,outage-s3").split(",")),
                    Integer.parseInt(values.getOrDefault("crash-rounds", "20")),
                    Integer.parseInt(values.getOrDefault("fuzz-requests", "100000")),
                    Integer.parseInt(values.getOrDefault("clients", "6")),
                    Integer.parseInt(values.getOrDefault("outage-seconds", "10")),
                    Path.of(values.getOrDefault("s3proxy-jar", "ops/target/s3proxy/s3proxy.jar")), values.get("s3-endpoint"),
                    values.getOrDefault("s3-bucket", "darkroom"), values.getOrDefault("s3-region", "us-east-1"),
                    Integer.parseInt(values.getOrDefault("crash-rounds-s3", values.getOrDefault("crash-rounds", "20"))));
        }
    }

    /** The printed table and every defect found. */
    public static final class Report {
        private final Map<String, String> rows = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();

        void row(String name, String value) {
            rows.put(name, value);
        }

        void failures(List<String> found) {
            failures.addAll(found);
        }

        public List<String> failures() {
            return failures;
        }

        public Map<String, String> rows() {
            return rows;
        }

        public String table() {
            StringBuilder table = new StringBuilder("| figure | value |\n|---|---|\n");
            rows.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value).append(" |\n"));
            table.append("| defects found | ").append(failures.size()).append(" |\n");
            return table.toString();
        }
    }
}
