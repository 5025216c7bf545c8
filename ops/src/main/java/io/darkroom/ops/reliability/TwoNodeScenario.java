package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Two Darkroom nodes on one PostgreSQL and one shared data directory (blobs), each chunked upload's
 * parts split between them: one after the other (A then B then A...), or all at once to both. Every
 * upload must end as one asset holding the whole file, readable through either node, and no part
 * file may outlive its upload.
 */
final class TwoNodeScenario {
    record Result(int uploads, int whole, List<String> failures) {
    }

    private static final int PART = 5_000_000;

    private final Path jar;
    private final Path workDir;
    private final List<String> failures = new CopyOnWriteArrayList<>();

    TwoNodeScenario(Path jar, Path workDir) {
        this.jar = jar;
        this.workDir = workDir;
    }

    Result run(int uploads) throws Exception {
        int pgPort = DarkroomProcess.freePort();
        EmbeddedPostgres postgres = OutageScenario.startPostgres(Files.createDirectories(workDir.resolve("pg")), pgPort);
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "unused");
        Path shared = workDir.resolve("shared-data");
        DarkroomProcess a = new DarkroomProcess(jar, shared, database);
        DarkroomProcess b = new DarkroomProcess(jar, shared, database);
        int whole = 0;
        try {
            a.start(Duration.ofMinutes(3)); // first: it writes the master key the second reads
            b.start(Duration.ofMinutes(3));
            List<Api> nodes = List.of(a.api(), b.api());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                results.add(pool.submit(() -> upload(nodes, n, pool)));
            }
            for (Future<Boolean> result : results) {
                if (result.get()) {
                    whole++;
                }
            }
            pool.shutdown();
            checkNoPartFiles(shared.resolve("blobs"));
        } finally {
            a.stop();
            b.stop();
            postgres.close();
        }
        return new Result(uploads, whole, failures);
    }

    /** One raw upload of three parts, split across the nodes; every other one sends its parts at once. */
    private boolean upload(List<Api> nodes, int n, ExecutorService pool) throws Exception {
        byte[] file = new byte[2 * PART + 1000 + n];
        new java.util.Random(n).nextBytes(file);
        String uploadId = UUID.randomUUID().toString();
        String publicId = "two-nodes/" + uploadId;
        int[][] parts = {{0, PART}, {PART, 2 * PART}, {2 * PART, file.length}};
        List<Api.Answer> answers = new ArrayList<>();
        if (n % 2 == 0) {
            for (int p = 0; p < parts.length; p++) {
                answers.add(part(nodes.get((n + p) % 2), publicId, uploadId, file, parts[p], p == parts.length - 1));
            }
        } else {
            List<Thread> threads = new ArrayList<>();
            List<Api.Answer> concurrent = new CopyOnWriteArrayList<>();
            for (int p = 0; p < parts.length; p++) {
                int index = p;
                Thread thread = new Thread(() -> {
                    try {
                        concurrent.add(part(nodes.get((n + index) % 2), publicId, uploadId, file, parts[index], index == parts.length - 1));
                    } catch (Exception e) {
                        failures.add("two nodes: part " + index + " of " + publicId + " failed: " + e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            answers.addAll(concurrent);
        }
        List<Api.Answer> complete = answers.stream().filter(a -> a.status() == 200 && a.json().has("public_id")).toList();
        if (answers.stream().anyMatch(a -> a.status() != 200) || complete.size() != 1) {
            failures.add("two nodes: " + publicId + " answered " + answers.stream().map(a -> a.status() + " " + a.body()).toList());
            return false;
        }
        for (Api node : nodes) {
            byte[] delivered = node.bytes(complete.get(0).json().path("url").asText().replaceFirst("http://localhost:\\d+", node.baseUrl()));
            if (delivered == null || !CrashScenario.sha256(delivered).equals(CrashScenario.sha256(file))) {
                failures.add("two nodes: " + publicId + " delivered " + (delivered == null ? "nothing" : delivered.length + " bytes")
                        + " through " + node.baseUrl() + " for a " + file.length + "-byte file");
                return false;
            }
        }
        return true;
    }

    private static Api.Answer part(Api node, String publicId, String uploadId, byte[] file, int[] range, boolean last)
            throws Exception {
        return node.upload("raw", Map.of("public_id", publicId), file, range[0], range[1] - range[0], "two.bin",
                Map.of("X-Unique-Upload-Id", uploadId, "Content-Range",
                        "bytes " + range[0] + "-" + (range[1] - 1) + "/" + (last ? file.length : -1)));
    }

    private void checkNoPartFiles(Path blobs) throws Exception {
        Path parts = blobs.resolve("parts");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long left;
        do {
            try (Stream<Path> walk = Files.exists(parts) ? Files.walk(parts) : Stream.empty()) {
                left = walk.filter(Files::isRegularFile).count();
            }
            if (left == 0) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        failures.add("two nodes: " + left + " chunked-upload files left after the uploads finished");
    }
}
