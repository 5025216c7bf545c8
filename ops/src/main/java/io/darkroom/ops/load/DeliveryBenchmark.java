package io.darkroom.ops.load;

import io.darkroom.ops.client.Api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery side by side with its references, in one run on one machine:
 * <ol>
 *   <li>first deliveries of a 12-megapixel JPEG as a 300 x 200 fill over HTTP (p50, p99) against the
 *   median of the {@code vipsthumbnail} command doing the same job;</li>
 *   <li>cached deliveries of a ~15 KB derived image with {@code wrk -t2 -c32} against nginx serving the
 *   same bytes as a static file with the same command (after a 5 s warm-up of each, not counted);</li>
 *   <li>uncached derivations per second with 2 and 8 clients, and the server's peak RSS (from
 *   {@code /proc/<pid>/status}, VmHWM) and heap (Prometheus) during 8 parallel derivations.</li>
 * </ol>
 * Needs {@code vipsthumbnail} (Debian {@code libvips-tools}), {@code nginx} and {@code wrk} on the PATH.
 *
 * <pre>java -jar ops/target/darkroom-load.jar delivery --cloud-url cloudinary://KEY:SECRET@CLOUD \
 *     [--url http://localhost:8080] [--pid SERVER_PID] [--rounds 20] [--wrk-seconds 10]</pre>
 */
public final class DeliveryBenchmark {
    /** First deliveries made before measuring, so the JIT has compiled the path (they are not counted). */
    private static final int WARM_UP = 3;

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        long pid = -1;
        int rounds = 20;
        int wrkSeconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--wrk-seconds" -> wrkSeconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        BenchmarkTarget target = BenchmarkTarget.of(url, cloudUrl);
        HttpClient http = target.http();
        Api api = target.api();
        Heap heap = new Heap(http, url);
        Path work = Files.createTempDirectory("darkroom-delivery-bench");
        // nginx's workers run as an unprivileged user: they must be able to read the site
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        String run = Long.toString(System.currentTimeMillis(), 36);

        byte[] photo = SampleImages.photo(4000, 3000, 42, 0.9f);
        Path original = work.resolve("photo.jpg");
        Files.write(original, photo);
        System.out.printf("original: 4000 x 3000 JPEG, %,d bytes%n", photo.length);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rounds + WARM_UP; i++) {
            String id = "bench-" + run + "/p" + i;
            Api.Answer answer = api.upload(Map.of("public_id", id), photo, "photo.jpg");
            if (answer.status() != 200) {
                throw new IllegalStateException("upload failed: " + answer.status() + " " + answer.body());
            }
            ids.add(id);
        }

        // 1. first deliveries against vipsthumbnail
        List<Double> firstMs = new ArrayList<>();
        for (String id : ids.subList(0, WARM_UP)) {
            check(get(http, url + "/" + target.cloud() + "/image/upload/c_fill,h_200,w_300/" + id + ".jpg"));
        }
        ids = ids.subList(WARM_UP, ids.size());
        for (String id : ids) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = get(http, url + "/" + target.cloud() + "/image/upload/c_fill,h_200,w_300/" + id + ".jpg");
            firstMs.add((System.nanoTime() - start) / 1e6);
            check(answer);
        }
        List<Double> vipsMs = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("vipsthumbnail", original.toString(), "-s", "300x200", "-c",
                    "-o", work.resolve("thumb-" + i + ".jpg").toString()).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("vipsthumbnail failed");
            }
            vipsMs.add((System.nanoTime() - start) / 1e6);
        }
        double firstP50 = percentile(firstMs, 50);
        double vipsP50 = percentile(vipsMs, 50);
        System.out.printf("first delivery 12MP -> 300x200 fill: p50 %.1f ms, p99 %.1f ms; vipsthumbnail median %.1f ms; ratio %.2f%n",
                firstP50, percentile(firstMs, 99), vipsP50, firstP50 / vipsP50);

        // 2. cached deliveries against nginx
        String cachedPath = "/" + target.cloud() + "/image/upload/c_fill,h_300,w_400,q_80/" + ids.get(0) + ".jpg";
        HttpResponse<byte[]> cached = get(http, url + cachedPath);
        check(cached);
        System.out.printf("cached image: %,d bytes%n", cached.body().length);
        double[] rates = StaticFileRace.race(work, cached.body(), url + cachedPath, wrkSeconds);
        System.out.printf("cached delivery wrk -t2 -c32 -d%ds: Darkroom %.0f req/s, nginx %.0f req/s, ratio %.2f%n",
                wrkSeconds, rates[0], rates[1], rates[0] / rates[1]);

        // 3. uncached derivations per second, peak RSS and heap
        int width = 301;
        for (int clients : new int[] {2, 8}) {
            List<String> urls = new ArrayList<>();
            for (String id : ids) {
                urls.add(url + "/" + target.cloud() + "/image/upload/c_fill,h_200,w_" + width++ + "/" + id + ".jpg");
            }
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong heapPeak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    heapPeak.accumulateAndGet((long) heap.usedBytes(), Math::max);
                    sleep(50);
                }
            });
            sampler.start();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (String u : urls) {
                answers.add(pool.submit(() -> get(http, u)));
            }
            for (Future<HttpResponse<byte[]>> answer : answers) {
                check(answer.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            running.set(false);
            sampler.join();
            double peakHeap = heapPeak.get();
            System.out.printf("uncached derivations, %d clients: %.1f/s (%d in %.1f s); peak heap %.0f MB%s%n", clients,
                    urls.size() / seconds, urls.size(), seconds, peakHeap / 1e6, pid > 0 ? "; peak RSS " + peakRssMb(pid) + " MB" : "");
        }
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void check(HttpResponse<byte[]> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("delivery failed: " + answer.statusCode() + " " + answer.headers().firstValue("X-Cld-Error").orElse(""));
        }
    }

    /** VmHWM: the process's peak resident set since it started. */
    private static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
