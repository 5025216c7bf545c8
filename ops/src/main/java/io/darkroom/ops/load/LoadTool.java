package io.darkroom.ops.load;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeds N resources through the real Upload API (signed multipart uploads of ~100 KB JPEGs from
 * C concurrent clients), then measures Admin API listing latency at a fixed request rate.
 * Latency is taken from each request's intended start time, so a stalled server shows up as
 * queueing in the histogram instead of being hidden (no coordinated omission). Also the entry point of the other
 * benchmarks (its first argument names one).
 *
 * <pre>
 * java -jar ops/target/darkroom-load.jar --url http://localhost:8080 --cloud-url cloudinary://KEY:SECRET@CLOUD \
 *      --count 100000 --concurrency 8 --list-rate 100 --list-seconds 60 [--skip-seed]
 * </pre>
 */
public final class LoadTool {
    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("replay-rate")) {
            ReplayRateBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("search")) {
            SearchBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("delivery")) {
            DeliveryBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("optimizer")) {
            OptimizerBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("preset-upload")) {
            PresetUploadBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("blobs")) {
            BlobBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("restore")) {
            RestoreBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("console-paint")) {
            ConsolePaintBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("large-upload")) {
            LargeUploadBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Options options = Options.parse(args);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(options.concurrency() + 4)).build();
        Heap heap = new Heap(http, options.url());
        System.out.printf("heap at start: %s%n", heap.read());
        if (!options.skipSeed()) {
            seed(http, options, heap);
        }
        if (options.listSeconds() > 0) {
            measureListings(http, options);
        }
        if (options.tagSeconds() > 0) {
            measureTagUpdates(http, options);
        }
        if (options.deleteCalls() > 0) {
            measureDeletes(http, options);
        }
        System.out.printf("heap at end: %s%n", heap.read());
        System.exit(0); // the HTTP client's executor threads would keep the JVM alive
    }

    private static void seed(HttpClient http, Options options, Heap heap) throws Exception {
        List<byte[]> images = SampleImages.jpegsOfAbout(100 * 1024, 16);
        System.out.printf("seeding %d uploads of %d-%d byte JPEGs with %d clients%n", options.count(),
                images.stream().mapToInt(b -> b.length).min().orElse(0), images.stream().mapToInt(b -> b.length).max().orElse(0),
                options.concurrency());
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        UploadClient uploads = new UploadClient(http, options);
        ExecutorService clients = Executors.newFixedThreadPool(options.concurrency());
        long started = System.nanoTime();
        long[] lastReport = {started};
        for (int c = 0; c < options.concurrency(); c++) {
            clients.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < options.count(); ) {
                    long begin = System.nanoTime();
                    try {
                        int status = uploads.upload(i, images.get(i % images.size()));
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    synchronized (latency) {
                        latency.recordValue(Math.min(latency.getHighestTrackableValue(), (System.nanoTime() - begin) / 1000));
                    }
                    if (i > 0 && i % 10_000 == 0) {
                        long now = System.nanoTime();
                        System.out.printf("  %,d uploaded, %.1f/s overall, heap %s%n", i,
                                i / ((now - started) / 1e9), heap.read());
                        lastReport[0] = now;
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(7, TimeUnit.DAYS);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("seeded %,d in %.1f s: %.1f uploads/s, %d failures%n", options.count(), seconds,
                options.count() / seconds, failures.get());
        print("upload latency", latency);
    }

    private static void measureListings(HttpClient http, Options options) throws Exception {
        String auth = io.darkroom.ops.client.Api.basic(options.key(), options.secret());
        String base = options.url() + "/v1_1/" + options.cloud();
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("newest", base + "/resources/image?max_results=100");
        queries.put("type+tags", base + "/resources/image/upload?max_results=100&tags=true&context=true");
        queries.put("prefix", base + "/resources/image/upload?prefix=load/1&max_results=100");
        queries.put("by-tag", base + "/resources/image/tags/tag7?max_results=100");
        queries.put("ascending", base + "/resources/image?direction=asc&max_results=100");
        queries.put("start_at", base + "/resources/image?max_results=100&start_at=2000-01-01T00:00:00Z");
        List<String> names = List.copyOf(queries.keySet());
        Map<String, Histogram> histograms = new java.util.LinkedHashMap<>();
        names.forEach(n -> histograms.put(n, new Histogram(TimeUnit.SECONDS.toMicros(60), 3)));
        Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);

        // warm-up, not measured: a freshly started server is still compiling the listing path for
        // tens of seconds, which would otherwise dominate the tail (seen: p99 18 ms cold, 10 ms warm)
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmUpSeconds());
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            get(http, queries.get(names.get(i % names.size())), auth);
        }
        long intervalNanos = 1_000_000_000L / options.listRate();
        long total = (long) options.listRate() * options.listSeconds();
        long start = System.nanoTime() + 10_000_000;
        AtomicLong errors = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch((int) total);
        for (long i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            String name = names.get((int) (i % names.size()));
            String url = queries.get(name);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            workers.submit(() -> {
                try {
                    if (get(http, url, auth) != 200) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                long micros = Math.min(all.getHighestTrackableValue(), (System.nanoTime() - intended) / 1000);
                synchronized (all) {
                    all.recordValue(micros);
                    histograms.get(name).recordValue(micros);
                }
                done.countDown();
            });
        }
        done.await();
        workers.shutdown();
        System.out.printf("listing: %d requests at %d/s over %d s, %d errors%n", total, options.listRate(),
                options.listSeconds(), errors.get());
        histograms.forEach((name, h) -> print("list " + name, h));
        print("list all", all);
        System.out.println("latency histogram of all listings (microseconds, percentile distribution):");
        all.outputPercentileDistribution(System.out, 5, 1.0);
    }

    /**
     * Closed-loop tag additions through the signed Upload API ({@code POST /image/tags}), each on
     * one random live seeded resource (listed first, so that no request is spent on a deleted
     * name, which answers 200 having changed nothing), from {@code --tag-clients} clients for
     * {@code --tag-seconds}. Only answers that name the resource count as updates.
     */
    private static void measureTagUpdates(HttpClient http, Options options) throws Exception {
        UploadClient client = new UploadClient(http, options);
        List<String> live = livePublicIds(http, options);
        System.out.printf("tag updates on %d live resources%n", live.size());
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Map<String, Integer> failuresByKind = new java.util.concurrent.ConcurrentSkipListMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.tagSeconds());
        ExecutorService clients = Executors.newFixedThreadPool(options.tagClients());
        for (int c = 0; c < options.tagClients(); c++) {
            clients.submit(() -> {
                java.util.Random random = new java.util.Random();
                KeepAliveConnection connection = new KeepAliveConnection(URI.create(options.url()));
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    try {
                        String publicId = live.get(random.nextInt(live.size()));
                        KeepAliveConnection.Answer answer = client.addTag(connection, publicId, "hot" + random.nextInt(1000));
                        if (answer.status() == 200 && answer.body().contains("\"" + publicId + "\"")) {
                            done.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                            failuresByKind.merge(answer.status() == 200 ? "not found" : "status " + answer.status(), 1, Integer::sum);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        failuresByKind.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    synchronized (latency) {
                        latency.recordValue(Math.min(latency.getHighestTrackableValue(), (System.nanoTime() - begin) / 1000));
                    }
                }
                connection.close();
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        System.out.printf("tag updates: %d in %d s with %d clients: %.1f/s, %d failures %s%n", done.get(), options.tagSeconds(),
                options.tagClients(), done.get() / (double) options.tagSeconds(), failures.get(), failuresByKind);
        print("tag update latency", latency);
    }

    /** The public ids of the seeded resources that still exist, from the Admin API listing by prefix. */
    private static List<String> livePublicIds(HttpClient http, Options options) throws Exception {
        io.darkroom.ops.client.Api api = new io.darkroom.ops.client.Api(http, options.url(), options.cloud(), options.key(),
                options.secret());
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            com.fasterxml.jackson.databind.JsonNode page = api.admin("GET", "resources/image/upload?prefix=load%2F&max_results=500"
                    + (cursor == null ? "" : "&next_cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
            page.path("resources").forEach(r -> ids.add(r.path("public_id").asText()));
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        if (ids.isEmpty()) {
            throw new IllegalStateException("No seeded resources (prefix load/) to tag");
        }
        return ids;
    }

    /**
     * Bulk deletes by prefix ({@code load/}), {@code --delete-calls} calls of up to 1000 resources
     * each, following the cursor; prints each call's wall time. Destroys seeded data.
     */
    private static void measureDeletes(HttpClient http, Options options) throws Exception {
        String auth = io.darkroom.ops.client.Api.basic(options.key(), options.secret());
        String url = options.url() + "/v1_1/" + options.cloud() + "/resources/image/upload";
        String cursor = null;
        for (int call = 1; call <= options.deleteCalls(); call++) {
            String body = "prefix=load%2F" + (cursor == null ? "" : "&next_cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("\"next_cursor\":\"([^\"]+)\"").matcher(response.body());
            cursor = next.find() ? next.group(1) : null;
            System.out.printf("delete call %d: status %d, %d ms, %s%n", call, response.statusCode(), millis,
                    cursor == null ? "last" : "partial");
            if (cursor == null) {
                break;
            }
        }
    }

    private static int get(HttpClient http, String url, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void print(String label, Histogram h) {
        System.out.printf("%-22s n=%-7d p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  p99.9=%.2f ms  max=%.2f ms%n", label,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
