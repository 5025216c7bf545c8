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
            TwoNodeScenario.Result twoNodes = new TwoNodeScenario(options.jar(), options.workDir().resolve("twonode-" + System.nanoTime()))
                    .run(8);
            report.row("chunked uploads with parts split across two nodes", String.valueOf(twoNodes.uploads()));
            report.row("of them one whole asset, read through both nodes", String.valueOf(twoNodes.whole()));
            report.failures(twoNodes.failures());
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

    /** Options: --jar, --work-dir, --scenarios crash,outage,fuzz,twonode,auth, --crash-rounds, --fuzz-requests, --clients. */
    public record SuiteOptions(Path jar, Path workDir, List<String> scenarios, int crashRounds, int fuzzRequests, int clients,
                               int outageSeconds) {
        public static SuiteOptions parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new SuiteOptions(Path.of(values.getOrDefault("jar", "api/target/darkroom.jar")),
                    Path.of(values.getOrDefault("work-dir", "target/reliability")),
                    List.of(values.getOrDefault("scenarios", "crash,outage,fuzz,twonode,auth").split(",")),
                    Integer.parseInt(values.getOrDefault("crash-rounds", "20")),
                    Integer.parseInt(values.getOrDefault("fuzz-requests", "100000")),
                    Integer.parseInt(values.getOrDefault("clients", "6")),
                    Integer.parseInt(values.getOrDefault("outage-seconds", "10")));
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
