package io.darkroom.ops.load;

import io.darkroom.ops.client.Api;
import io.darkroom.ops.reliability.DarkroomProcess;
import io.darkroom.ops.reliability.ObjectStore;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file store against object storage, side by side in one run on one machine: S3Proxy and two Darkroom processes (the
 * runnable jar, 384 MB heap) started here, measured one after the other so they do not share the CPU. For each store:
 * ~100 KB JPEG uploads from 8 clients for {@code --seconds}, then 20 MB raw uploads from 8 clients; on the bucket: a
 * 300 MB chunked upload (20 MB parts) against a single 90 MB upload with the peak heap, the first delivery of 2 MB
 * originals against a plain GET of the same objects from the same S3 server; then {@code blobs copy} of the file store's
 * data into the bucket, its MB/s as it prints them.
 *
 * <pre>java -jar ops/target/darkroom-load.jar blobs [--jar api/target/darkroom.jar]
 *     [--s3proxy-jar ops/target/s3proxy/s3proxy.jar] [--work-dir target/blob-bench] [--seconds 20] [--large 40] [--keep]</pre>
 * (the run's directory is removed at the end unless {@code --keep}).
 */
public final class BlobBenchmark {
    private static final int MB = 1_000_000;

    private BlobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("api/target/darkroom.jar");
        Path proxyJar = Path.of("ops/target/s3proxy/s3proxy.jar");
        Path work = Path.of("target/blob-bench");
        int seconds = 20;
        int large = 40;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--s3proxy-jar" -> proxyJar = Path.of(args[++i]);
                case "--work-dir" -> work = Path.of(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--large" -> large = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        work = Files.createDirectories(work.resolve("run-" + System.currentTimeMillis())).toAbsolutePath();
        List<byte[]> photos = SampleImages.jpegsOfAbout(100_000, 16);
        byte[] twenty = random(20 * MB, 20);
        try (ObjectStore bucket = ObjectStore.s3proxy(proxyJar, work.resolve("s3proxy"))) {
            DarkroomProcess fileNode = new DarkroomProcess(jar, work.resolve("file"), Map.of());
            measureUploads("file store", fileNode, photos, twenty, seconds, large, -1);
            DarkroomProcess bucketNode = new DarkroomProcess(jar, work.resolve("s3"), bucket.environment("bench"));
            measureUploads("bucket (S3Proxy)", bucketNode, photos, twenty, seconds, large, bucket.pid());
            bucketNode.start(Duration.ofMinutes(3));
            try {
                LargeUploadBenchmark.main(new String[] {"--url", bucketNode.baseUrl(), "--cloud-url", "cloudinary://" + DarkroomProcess.KEY
                        + ":" + DarkroomProcess.SECRET + "@" + DarkroomProcess.CLOUD, "--rounds", "3"});
                firstDeliveries(bucketNode.api(), bucket, bucketNode.pid());
            } finally {
                bucketNode.stop();
            }
            copy(jar, work.resolve("file"), bucket);
        } finally {
            if (!keep) {
                // a run leaves about 3 GB (two stores, the bucket, the copy)
                try (var walk = Files.walk(work)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static void measureUploads(String name, DarkroomProcess node, List<byte[]> photos, byte[] twenty, int seconds, int large,
                                       long storePid) throws Exception {
        node.start(Duration.ofMinutes(3));
        try {
            Api api = node.api();
            Histogram small = new Histogram(3);
            AtomicLong smallBytes = new AtomicLong();
            double[] cpu = cpu(node, storePid);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long started = System.nanoTime();
            run(8, client -> {
                for (int n = client; System.nanoTime() < deadline; n += 8) {
                    byte[] photo = photos.get(n % photos.size());
                    long t = System.nanoTime();
                    check(api.upload(Map.of(), photo, "photo.jpg"));
                    small.recordValue((System.nanoTime() - t) / 1000);
                    smallBytes.addAndGet(photo.length);
                }
            });
            double smallSeconds = (System.nanoTime() - started) / 1e9;
            double[] used = cpu(node, storePid);
            long count = small.getTotalCount();
            AtomicLong largeDone = new AtomicLong();
            started = System.nanoTime();
            run(8, client -> {
                while (largeDone.getAndIncrement() < large) {
                    check(api.upload("raw", Map.of("public_id", "bench/" + UUID.randomUUID()), twenty, 0, twenty.length, "large.bin", Map.of()));
                }
            });
            double largeSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: ~100 KB uploads, 8 clients: %.0f/s (%.1f MB/s), p50 %.0f ms, p99 %.0f ms | 20 MB uploads, 8 clients: "
                            + "%d in %.1f s = %.1f MB/s%n", name, small.getTotalCount() / smallSeconds, smallBytes.get() / 1e6 / smallSeconds,
                    small.getValueAtPercentile(50) / 1000.0, small.getValueAtPercentile(99) / 1000.0, large, largeSeconds,
                    large * 20.0 / largeSeconds);
            System.out.printf("%s: CPU per ~100 KB upload: Darkroom %.1f ms, PostgreSQL %.1f ms%s%n", name,
                    (used[0] - cpu[0]) * 1000 / count, (used[1] - cpu[1]) * 1000 / count,
                    storePid < 0 ? "" : String.format(", S3Proxy %.1f ms", (used[2] - cpu[2]) * 1000 / count));
        } finally {
            node.stop();
        }
    }

    /** CPU seconds so far of the node, PostgreSQL, and the S3 server (0 when none). */
    private static double[] cpu(DarkroomProcess node, long storePid) {
        return new double[] {CpuMeter.ofProcess(node.pid()), CpuMeter.ofCommand("postgres"), storePid < 0 ? 0 : CpuMeter.ofProcess(storePid)};
    }

    /** First deliveries (nothing cached) of distinct 2 MB originals, and plain GETs of the same objects from the S3 server. */
    private static void firstDeliveries(Api api, ObjectStore bucket, long nodePid) throws Exception {
        int count = 30;
        List<String[]> assets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Answer answer = api.upload("raw", Map.of("public_id", "bench/two-" + UUID.randomUUID()), random(2 * MB, 100 + i), 0, 2 * MB,
                    "two.bin", Map.of());
            check(answer);
            String versionId = answer.json().path("version_id").asText();
            assets.add(new String[] {answer.json().path("url").asText(), "bench/" + DarkroomProcess.CLOUD + "/" + versionId.substring(0, 2)
                    + "/" + versionId});
        }
        Histogram darkroom = new Histogram(3);
        Histogram plain = new Histogram(3);
        double[] cpu = null;
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                cpu = new double[] {CpuMeter.ofProcess(nodePid), CpuMeter.ofCommand("postgres")};
            }
            for (String[] asset : assets) {
                // the first round is thrown away (JIT, connections)
                long t = System.nanoTime();
                if (api.bytes(asset[0]).length != 2 * MB) {
                    throw new IllegalStateException("short delivery of " + asset[0]);
                }
                long delivered = System.nanoTime() - t;
                t = System.nanoTime();
                bucket.read(asset[1]);
                long read = System.nanoTime() - t;
                if (round == 1) {
                    darkroom.recordValue(delivered / 1000);
                    plain.recordValue(read / 1000);
                }
            }
            if (round == 0) {
                assets.replaceAll(asset -> {
                    try {
                        Api.Answer again = api.upload("raw", Map.of("public_id", "bench/two-" + UUID.randomUUID()), random(2 * MB, asset[0].hashCode()),
                                0, 2 * MB, "two.bin", Map.of());
                        String versionId = again.json().path("version_id").asText();
                        return new String[] {again.json().path("url").asText(), "bench/" + DarkroomProcess.CLOUD + "/"
                                + versionId.substring(0, 2) + "/" + versionId};
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        System.out.printf("CPU per first delivery of a 2 MB original (and a plain GET beside it): Darkroom %.1f ms, PostgreSQL %.1f ms%n",
                (CpuMeter.ofProcess(nodePid) - cpu[0]) * 1000 / count, (CpuMeter.ofCommand("postgres") - cpu[1]) * 1000 / count);
        System.out.printf("first delivery of a 2 MB original from the bucket: p50 %.1f ms, p90 %.1f ms | plain GET of the same object "
                        + "from S3Proxy: p50 %.1f ms, p90 %.1f ms | ratio of p50s %.2f%n", darkroom.getValueAtPercentile(50) / 1000.0,
                darkroom.getValueAtPercentile(90) / 1000.0, plain.getValueAtPercentile(50) / 1000.0, plain.getValueAtPercentile(90) / 1000.0,
                (double) darkroom.getValueAtPercentile(50) / plain.getValueAtPercentile(50));
    }

    /** {@code java -jar darkroom.jar blobs copy --to s3} of the file node's blobs into the bucket, under a prefix of its own. */
    private static void copy(Path jar, Path fileDataDir, ObjectStore bucket) throws Exception {
        ProcessBuilder command = new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString(), "blobs", "copy", "--to", "s3")
                .redirectErrorStream(true);
        command.environment().putAll(bucket.environment("copied"));
        command.environment().put("DARKROOM_DATA_DIR", fileDataDir.toString());
        Process process = command.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("Copying") || line.startsWith("Done") || line.startsWith("FAILED")) {
                    System.out.println("blobs copy: " + line);
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("blobs copy failed");
        }
    }

    interface Client {
        void run(int client) throws Exception;
    }

    private static void run(int clients, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                body.run(client);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    private static void check(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("upload answered " + answer.status() + ": " + answer.body());
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
