package io.darkroom.ops.load;

import io.darkroom.ops.client.Api;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Chunked against single-request uploads of raw files, side by side in one run: a file sent in
 * parts the way the SDKs' {@code upload_large} sends them (total -1 until the last part), and a
 * smaller file in one request, taking turns; the MB/s of each from the client's first byte to the
 * last answer, and the server's peak used heap (sampled every 50 ms from its Prometheus endpoint).
 *
 * <pre>java -jar ops/target/darkroom-load.jar large-upload \
 *     --cloud-url cloudinary://KEY:SECRET@CLOUD [--url http://localhost:8080] \
 *     [--chunked-mb 300] [--chunk-mb 20] [--single-mb 90] [--rounds 3]</pre>
 */
public final class LargeUploadBenchmark {
    private static final int MB = 1_000_000;

    private LargeUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        int chunkedMb = 300;
        int chunkMb = 20;
        int singleMb = 90;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--chunked-mb" -> chunkedMb = Integer.parseInt(args[++i]);
                case "--chunk-mb" -> chunkMb = Integer.parseInt(args[++i]);
                case "--single-mb" -> singleMb = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        BenchmarkTarget target = BenchmarkTarget.of(url, cloudUrl);
        HttpClient http = target.http();
        Api api = target.api();
        Heap heap = new Heap(http, url);

        int partBytes = chunkMb * MB;
        double singleMegabytes = singleMb;
        double chunkedMegabytes = chunkedMb;
        byte[] large = randomBytes(chunkedMb * MB, 1);
        byte[] single = randomBytes(singleMb * MB, 2);
        System.out.printf("server heap before: %s%n", heap.read());
        List<double[]> chunkedRuns = new ArrayList<>();
        List<double[]> singleRuns = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double[] s = measure(heap, () -> single(api, single));
            double[] c = measure(heap, () -> chunked(api, large, partBytes));
            singleRuns.add(s);
            chunkedRuns.add(c);
            System.out.printf("round %d: single %d MB %.1f MB/s (peak heap %.0f MB) | chunked %d MB in %d MB parts %.1f MB/s "
                    + "(peak heap %.0f MB, last part %.2f s) | ratio %.0f%%%n", round, singleMb, singleMb / s[0], s[1] / 1048576, chunkedMb,
                    chunkMb, chunkedMb / c[0], c[1] / 1048576, LAST_PART_SECONDS.get(), 100 * (chunkedMb / c[0]) / (singleMb / s[0]));
        }
        double singleRate = singleRuns.stream().mapToDouble(r -> singleMegabytes / r[0]).sorted().toArray()[rounds / 2];
        double chunkedRate = chunkedRuns.stream().mapToDouble(r -> chunkedMegabytes / r[0]).sorted().toArray()[rounds / 2];
        System.out.printf("median: single %.1f MB/s, chunked %.1f MB/s, ratio %.0f%%; peak heap single %.0f MB, chunked %.0f MB%n",
                singleRate, chunkedRate, 100 * chunkedRate / singleRate,
                singleRuns.stream().mapToDouble(r -> r[1]).max().orElse(0) / 1048576,
                chunkedRuns.stream().mapToDouble(r -> r[1]).max().orElse(0) / 1048576);
    }

    interface Upload {
        void run() throws Exception;
    }

    /** Seconds the upload took and the peak used heap seen meanwhile. */
    private static double[] measure(Heap heap, Upload upload) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Double> peak = new AtomicReference<>(0.0);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                double used = heap.usedBytes();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        try {
            upload.run();
        } finally {
            running.set(false);
            sampler.join();
        }
        return new double[] {(System.nanoTime() - start) / 1e9, peak.get()};
    }

    private static void single(Api api, byte[] file) throws Exception {
        Api.Answer answer = api.upload("raw", Map.of("public_id", "bench/single-" + UUID.randomUUID()), file, 0, file.length,
                "single.bin", Map.of());
        check(answer, file.length);
    }

    private static void chunked(Api api, byte[] file, int partSize) throws Exception {
        String uploadId = UUID.randomUUID().toString();
        Map<String, String> params = Map.of("public_id", "bench/chunked-" + uploadId);
        Api.Answer answer = null;
        long lastPartStart = 0;
        for (int offset = 0; offset < file.length; offset += partSize) {
            int length = Math.min(partSize, file.length - offset);
            boolean last = offset + length == file.length;
            lastPartStart = System.nanoTime();
            answer = api.upload("raw", params, file, offset, length, "chunked.bin", Map.of("X-Unique-Upload-Id", uploadId,
                    "Content-Range", "bytes " + offset + "-" + (offset + length - 1) + "/" + (last ? file.length : -1)));
            if (answer.status() != 200) {
                throw new IllegalStateException("part at " + offset + " answered " + answer.status() + ": " + answer.body());
            }
        }
        check(answer, file.length);
        LAST_PART_SECONDS.set((System.nanoTime() - lastPartStart) / 1e9);
    }

    /** How long the part that completes the file took (assembly, digest and recording happen there). */
    private static final AtomicReference<Double> LAST_PART_SECONDS = new AtomicReference<>(0.0);

    private static void check(Api.Answer answer, long bytes) {
        if (answer.status() != 200 || answer.json().path("bytes").asLong() != bytes) {
            throw new IllegalStateException("upload answered " + answer.status() + ": " + answer.body());
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
