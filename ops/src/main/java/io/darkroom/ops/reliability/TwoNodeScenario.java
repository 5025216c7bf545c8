package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two Darkroom processes on one PostgreSQL: sharing one data directory (the file store), or, with an {@link ObjectStore},
 * each with a data directory of its own and the bytes in one bucket (then they share nothing else: the master key comes
 * from the environment, as it must for such nodes). Chunked uploads whose parts go to alternating nodes (one after the
 * other, or all at once), plain uploads, derivations, renames, deletes and Media Optimizer deliveries, each made on one node
 * and checked through both: every asset delivered byte-identical by both nodes, gone from both once deleted; no part left,
 * and {@code blobs verify} finds nothing missing and nothing unreferenced.
 */
final class TwoNodeScenario {
    record Result(int uploads, int whole, int plainChecked, int plainIdentical, List<String> failures) {
    }

    private static final int PART = 5_000_000;
    private static final String TOKEN = "two-node-operator-token";

    private final Path jar;
    private final Path workDir;
    private final ObjectStore bucket;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final String mode;

    /** {@code bucket} null: both nodes share one data directory. */
    TwoNodeScenario(Path jar, Path workDir, ObjectStore bucket) {
        this.jar = jar;
        this.workDir = workDir;
        this.bucket = bucket;
        this.mode = bucket == null ? "two nodes" : "two nodes on a bucket";
    }

    Result run(int uploads) throws Exception {
        int pgPort = DarkroomProcess.freePort();
        EmbeddedPostgres postgres = OutageScenario.startPostgres(Files.createDirectories(workDir.resolve("pg")), pgPort);
        Map<String, String> environment = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "unused",
                "DARKROOM_MASTER_KEY", Base64.getEncoder().encodeToString(java.security.SecureRandom.getSeed(32)),
                "DARKROOM_OPERATOR_TOKEN", TOKEN, "DARKROOM_UPLOAD_ALLOW_PRIVATE_ADDRESSES", "true",
                "DARKROOM_DELIVERY_CACHE_SYNC_INTERVAL", "200ms"));
        // graces longer than the slowest part or file takes to reach the store (a loaded Ceph on two cores: seconds);
        // parts and orphans are removed at once by the upload that ends, the graces only bound a crash's leftovers
        environment.put("DARKROOM_UPLOAD_CHUNK_GRACE", "60s");
        environment.put("DARKROOM_UPLOAD_ORPHAN_GRACE", "60s");
        String prefix = "twonode-" + Long.toHexString(System.nanoTime());
        if (bucket != null) {
            environment.putAll(bucket.environment(prefix));
        }
        Path dirA = workDir.resolve(bucket == null ? "shared-data" : "a-data");
        DarkroomProcess a = new DarkroomProcess(jar, dirA, environment);
        DarkroomProcess b = new DarkroomProcess(jar, workDir.resolve(bucket == null ? "shared-data" : "b-data"), environment);
        int whole = 0;
        int[] plain = {0, 0};
        try {
            a.start(Duration.ofMinutes(3));
            b.start(Duration.ofMinutes(3));
            List<Api> nodes = List.of(a.api(), b.api());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                results.add(pool.submit(() -> chunkedUpload(nodes, n)));
            }
            for (Future<Boolean> result : results) {
                if (result.get()) {
                    whole++;
                }
            }
            pool.shutdown();
            plain = new TwoNodeChanges(nodes, failures, mode).run(uploads);
            awaitNoParts(bucket == null ? null : prefix + "/parts/", dirA.resolve("blobs").resolve("parts"));
            awaitCleanVerify(b.baseUrl());
        } finally {
            a.stop();
            b.stop();
            postgres.close();
        }
        return new Result(uploads, whole, plain[0], plain[1], failures);
    }

    /** One raw upload of three parts, split across the nodes; every other one sends its parts at once. */
    private boolean chunkedUpload(List<Api> nodes, int n) throws Exception {
        byte[] file = new byte[2 * PART + 1000 + n];
        new java.util.Random(n).nextBytes(file);
        String uploadId = java.util.UUID.randomUUID().toString();
        String publicId = "two-nodes/" + uploadId;
        int[][] parts = {{0, PART}, {PART, 2 * PART}, {2 * PART, file.length}};
        List<Api.Answer> answers = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < parts.length; p++) {
            int index = p;
            Runnable send = () -> {
                try {
                    answers.add(part(nodes.get((n + index) % 2), publicId, uploadId, file, parts[index], index == parts.length - 1));
                } catch (Exception e) {
                    failures.add(mode + ": part " + index + " of " + publicId + " failed: " + e);
                }
            };
            if (n % 2 == 0) {
                send.run();
            } else {
                Thread thread = new Thread(send);
                thread.start();
                threads.add(thread);
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Api.Answer> complete = answers.stream().filter(answer -> answer.status() == 200 && answer.json().has("public_id")).toList();
        if (answers.size() != parts.length || answers.stream().anyMatch(answer -> answer.status() != 200) || complete.size() != 1) {
            failures.add(mode + ": " + publicId + " answered " + answers.stream().map(answer -> answer.status() + " " + answer.body()).toList());
            return false;
        }
        return TwoNodeChanges.identicalOnBoth(nodes, complete.get(0).json().path("url").asText(), CrashScenario.sha256(file), failures, mode);
    }

    private static Api.Answer part(Api node, String publicId, String uploadId, byte[] file, int[] range, boolean last)
            throws Exception {
        return node.upload("raw", Map.of("public_id", publicId), file, range[0], range[1] - range[0], "two.bin",
                Map.of("X-Unique-Upload-Id", uploadId, "Content-Range",
                        "bytes " + range[0] + "-" + (range[1] - 1) + "/" + (last ? file.length : -1)));
    }

    /** No chunked-upload part may outlive its upload (in the bucket under the nodes' prefix, or in the shared directory). */
    private void awaitNoParts(String bucketPrefix, Path partsDir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long left;
        do {
            if (bucketPrefix != null) {
                left = bucket.count(bucketPrefix);
            } else {
                try (var walk = Files.exists(partsDir) ? Files.walk(partsDir) : java.util.stream.Stream.<Path>empty()) {
                    left = walk.filter(Files::isRegularFile).count();
                }
            }
            if (left == 0) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        failures.add(mode + ": " + left + " chunked-upload parts left after the uploads finished");
    }

    /** {@code blobs verify}: nothing referenced is missing, and (once the sweeper has run) nothing stored is unreferenced. */
    private void awaitCleanVerify(String node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Api.Answer report;
        do {
            report = new Api(node, DarkroomProcess.CLOUD, DarkroomProcess.KEY, DarkroomProcess.SECRET).send(HttpRequest.newBuilder(
                    URI.create(node + "/ops/blobs/verify")).header("Authorization", "Bearer " + TOKEN).GET());
            if (report.status() == 200 && report.json().path("missing_count").asLong() == 0
                    && report.json().path("unreferenced_count").asLong() == 0) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        failures.add(mode + ": blobs verify found " + report.body());
    }
}
