package io.darkroom.ops.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.darkroom.ops.client.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL is stopped for a while under load and started again, with Darkroom left running.
 * During the outage every failed request must be a quick JSON 503; afterwards Darkroom must
 * serve writes again within seconds, and every write acknowledged before, during or after the
 * outage must be there. Two modes: an external PostgreSQL ({@code SPRING_DATASOURCE_URL}) that
 * this scenario runs, and the embedded server Darkroom started itself.
 */
final class OutageScenario {
    List<String> failures() {
        return failures;
    }

    record Result(String mode, long recoveryMillis, long slowestFailureMillis, int failedRequests, long acked, List<String> failures) {
    }

    private final Path jar;
    private final Path workDir;
    private final int clients;
    private final Duration outage;
    private final List<String> failures = new CopyOnWriteArrayList<>();

    OutageScenario(Path jar, Path workDir, int clients, Duration outage) {
        this.jar = jar;
        this.workDir = workDir;
        this.clients = clients;
        this.outage = outage;
    }

    Result external() throws Exception {
        Path pgData = Files.createDirectories(workDir.resolve("external-pg"));
        int pgPort = DarkroomProcess.freePort();
        EmbeddedPostgres postgres = startPostgres(pgData, pgPort);
        DarkroomProcess darkroom = new DarkroomProcess(jar, workDir.resolve("external-darkroom"), Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "unused"));
        EmbeddedPostgres[] current = {postgres};
        try {
            return underLoad("external", darkroom, () -> current[0].close(), () -> current[0] = startPostgres(pgData, pgPort));
        } finally {
            darkroom.stop();
            current[0].close();
        }
    }

    Result embedded() throws Exception {
        DarkroomProcess darkroom = new DarkroomProcess(jar, workDir.resolve("embedded-darkroom"), Map.of());
        Path data = darkroom.dataDir().resolve("postgres");
        List<String> command = new ArrayList<>();
        try {
            return underLoad("embedded", darkroom, () -> {
                command.clear();
                command.addAll(postmasterCommand(data));
                ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim()))
                        .orElseThrow();
                // SIGINT: PostgreSQL's fast shutdown, as pg_ctl stop -m fast sends
                // (the shell's builtin kill: a minimal Debian has no /bin/kill, and Java cannot send SIGINT)
                new ProcessBuilder("sh", "-c", "kill -INT " + postmaster.pid()).start().waitFor();
                postmaster.onExit().get(60, TimeUnit.SECONDS);
            }, () -> {
                new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(data.getParent().resolve("postgres-restarted.log").toFile())).start();
            });
        } finally {
            darkroom.stop();
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private Result underLoad(String mode, DarkroomProcess darkroom, Step stopDatabase, Step startDatabase) throws Exception {
        darkroom.start(Duration.ofMinutes(3));
        Api api = darkroom.api();
        Set<String> ackedUploads = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean databaseDown = new AtomicBoolean(false);
        AtomicLong slowestFailure = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    String publicId = "outage/" + mode + "/" + counter.incrementAndGet();
                    long started = System.nanoTime();
                    try {
                        Api.Answer answer = counter.get() % 3 == 0
                                ? api.admin("GET", "resources/image/upload?max_results=10")
                                : api.upload(Map.of("public_id", publicId), CrashScenario.randomPng(), "p.png");
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (answer.status() == 200) {
                            if (answer.body().contains("\"asset_id\"") && answer.body().contains(publicId)) {
                                ackedUploads.add(publicId);
                            }
                        } else {
                            failed.incrementAndGet();
                            slowestFailure.accumulateAndGet(millis, Math::max);
                            if (answer.status() != 503 || !answer.contentType().startsWith("application/json")
                                    || !answer.json().path("error").hasNonNull("message")) {
                                failures.add(mode + " outage: answered " + answer.status() + " " + answer.contentType() + " "
                                        + abbreviate(answer.body()));
                            }
                        }
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        failures.add(mode + " outage: request failed without an answer: " + e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(2000);
        stopDatabase.run();
        databaseDown.set(true);
        Thread.sleep(outage.toMillis());
        startDatabase.run();
        long restarted = System.nanoTime();
        long recovery = -1;
        while (System.nanoTime() - restarted < Duration.ofSeconds(60).toNanos()) {
            Api.Answer probe = api.upload(Map.of("public_id", "outage/" + mode + "/probe-" + System.nanoTime()), CrashScenario.randomPng(), "p.png");
            if (probe.status() == 200) {
                recovery = (System.nanoTime() - restarted) / 1_000_000;
                break;
            }
            Thread.sleep(50);
        }
        Thread.sleep(2000);
        running.set(false);
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        if (recovery < 0 || recovery > 5000) {
            failures.add(mode + " outage: writes served again after " + recovery + " ms (target 5000 ms)");
        }
        if (slowestFailure.get() > 5000) {
            failures.add(mode + " outage: slowest failed request took " + slowestFailure.get() + " ms");
        }
        Snapshot after = Snapshot.take(api);
        for (String publicId : ackedUploads) {
            JsonNode listed = after.resources().get(publicId);
            if (listed == null) {
                failures.add(mode + " outage: acknowledged upload lost: " + publicId);
            }
        }
        return new Result(mode, recovery, slowestFailure.get(), failed.get(), ackedUploads.size(), failures);
    }

    static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    /** The command line the running postmaster was started with (PostgreSQL writes it to postmaster.opts). */
    private static List<String> postmasterCommand(Path data) throws IOException {
        String opts = Files.readString(data.resolve("postmaster.opts")).strip();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; like the embedded library, run it in a user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        Matcher token = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (token.find()) {
            command.add(token.group(1) != null ? token.group(1) : token.group(2));
        }
        return command;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
