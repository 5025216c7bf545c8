package io.darkroom.ops.load;

import com.sun.net.httpserver.HttpServer;
import io.darkroom.ops.client.Api;
import org.HdrHistogram.Histogram;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unsigned uploads through a preset side by side with signed ones, and notification latency.
 * <ol>
 * <li>Rounds of {@code --uploads} ~100 KB JPEGs from {@code --clients} clients, signed (no preset) and unsigned (an
 * unsigned preset, as a browser sends it) taking turns: uploads/s of each and their ratio per round.</li>
 * <li>{@code --hooks} signed uploads naming a notification URL on a local listener: the time from the upload's answer
 * (its transaction committed before it) to the notification's arrival, p50/p99 for the first and the last half.</li>
 * </ol>
 * The server must allow private addresses (the listener is local) and unlimited unsigned uploads:
 * {@code DARKROOM_UPLOAD_ALLOW_PRIVATE_ADDRESSES=true DARKROOM_UPLOAD_UNSIGNED_PER_PRESET=0 DARKROOM_UPLOAD_UNSIGNED_PER_ADDRESS=0}.
 *
 * <pre>java -jar ops/target/darkroom-load.jar preset-upload --cloud-url cloudinary://KEY:SECRET@CLOUD \
 *     [--url http://localhost:8080] [--uploads 2000] [--clients 8] [--rounds 3] [--hooks 2000]</pre>
 */
public final class PresetUploadBenchmark {
    private PresetUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        int uploads = 2000;
        int clients = 8;
        int rounds = 3;
        int hooks = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--uploads" -> uploads = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--hooks" -> hooks = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Api api = BenchmarkTarget.of(url, cloudUrl).api();
        String preset = "bench_" + System.currentTimeMillis();
        Api.Answer created = api.admin("POST", "upload_presets?name=" + preset + "&unsigned=true&tags=bench");
        if (created.status() != 200) {
            throw new IllegalStateException("could not create the preset: " + created.body());
        }
        List<byte[]> images = SampleImages.jpegsOfAbout(100 * 1024, 16);
        AtomicInteger ids = new AtomicInteger();
        // one warm-up pass of each, not measured (JIT, connection pools)
        rate(clients, Math.min(400, uploads), i -> api.upload(Map.of("public_id", "bench/w" + ids.incrementAndGet()),
                images.get(i % images.size()), "p.jpg").status());
        rate(clients, Math.min(400, uploads), i -> api.unsignedUpload(preset, Map.of("public_id", "bench/w" + ids.incrementAndGet()),
                images.get(i % images.size()), "p.jpg").status());
        System.out.printf("%d uploads of %d-%d byte JPEGs per run, %d clients%n", uploads,
                images.stream().mapToInt(b -> b.length).min().orElse(0), images.stream().mapToInt(b -> b.length).max().orElse(0), clients);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // the order alternates, so that a server still getting faster favours neither
            boolean signedFirst = round % 2 == 1;
            double signed = 0;
            double unsigned = 0;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == signedFirst) {
                    signed = rate(clients, uploads, i -> api.upload(Map.of("public_id", "bench/s" + ids.incrementAndGet()),
                            images.get(i % images.size()), "p.jpg").status());
                } else {
                    unsigned = rate(clients, uploads, i -> api.unsignedUpload(preset,
                            Map.of("public_id", "bench/u" + ids.incrementAndGet()), images.get(i % images.size()), "p.jpg").status());
                }
            }
            ratios.add(unsigned / signed);
            System.out.printf("round %d (%s first): signed %.1f uploads/s, unsigned through a preset %.1f uploads/s (%.1f%% of signed)%n",
                    round, signedFirst ? "signed" : "unsigned", signed, unsigned, 100 * unsigned / signed);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf("unsigned / signed over %d rounds: median %.1f%%, lowest %.1f%%, highest %.1f%%%n", rounds,
                100 * sorted.get(sorted.size() / 2), 100 * sorted.get(0), 100 * sorted.get(sorted.size() - 1));
        mixed(api, preset, images, clients, uploads * rounds, ids);
        if (hooks > 0) {
            notificationLatency(api, images, clients, hooks);
        }
        System.exit(0);
    }

    /**
     * Signed and unsigned uploads interleaved by every client (so both meet the same server, warm or not, at the same
     * time): the mean latency of each and what it means for throughput.
     */
    private static void mixed(Api api, String preset, List<byte[]> images, int clients, int count, AtomicInteger ids)
            throws Exception {
        Histogram signed = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram unsigned = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        double rate = rate(clients, count, i -> {
            long begin = System.nanoTime();
            int status = i % 2 == 0
                    ? api.upload(Map.of("public_id", "bench/m" + ids.incrementAndGet()), images.get(i % images.size()), "p.jpg").status()
                    : api.unsignedUpload(preset, Map.of("public_id", "bench/m" + ids.incrementAndGet()), images.get(i % images.size()),
                    "p.jpg").status();
            long micros = (System.nanoTime() - begin) / 1000;
            Histogram histogram = i % 2 == 0 ? signed : unsigned;
            synchronized (histogram) {
                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
            }
            return status;
        });
        System.out.printf("interleaved, %d uploads at %.1f/s: signed mean %.2f ms (p50 %.2f), unsigned mean %.2f ms (p50 %.2f):"
                        + " an unsigned upload takes %.1f%% of a signed one's time%n", count, rate, signed.getMean() / 1000,
                signed.getValueAtPercentile(50) / 1000.0, unsigned.getMean() / 1000, unsigned.getValueAtPercentile(50) / 1000.0,
                100 * unsigned.getMean() / signed.getMean());
    }

    interface Upload {
        int send(int index) throws Exception;
    }

    /** Uploads per second of {@code count} uploads from {@code clients} clients; a failed upload aborts the benchmark. */
    private static double rate(int clients, int count, Upload upload) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    if (upload.send(i) != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " uploads failed");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void notificationLatency(Api api, List<byte[]> images, int clients, int hooks) throws Exception {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        listener.setExecutor(Executors.newFixedThreadPool(4));
        listener.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int at = body.indexOf("\"public_id\":\"");
            if (at >= 0) {
                arrived.put(body.substring(at + 13, body.indexOf('"', at + 13)), now);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        String hook = "http://127.0.0.1:" + listener.getAddress().getPort() + "/hook";
        AtomicInteger next = new AtomicInteger();
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        rate(clients, hooks, i -> {
            String publicId = "hook/" + System.nanoTime() + "_" + next.incrementAndGet();
            int status = api.upload(Map.of("public_id", publicId, "notification_url", hook), images.get(i % images.size()), "p.jpg")
                    .status();
            answered.put(publicId, System.nanoTime());
            order.add(publicId);
            return status;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (arrived.size() < hooks && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        listener.stop(0);
        Histogram first = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram last = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        for (int i = 0; i < order.size(); i++) {
            Long in = arrived.get(order.get(i));
            if (in != null) {
                // a notification may arrive before the client has read the answer: that counts as 0
                long micros = Math.max(0, (in - answered.get(order.get(i))) / 1000);
                (i < order.size() / 2 ? first : last).recordValue(Math.min(micros, first.getHighestTrackableValue()));
            }
        }
        System.out.printf("notifications: %d of %d arrived; from the upload's answer to the listener: first half p50 %.1f ms"
                        + " p99 %.1f ms, last half p50 %.1f ms p99 %.1f ms%n", arrived.size(), hooks,
                first.getValueAtPercentile(50) / 1000.0, first.getValueAtPercentile(99) / 1000.0,
                last.getValueAtPercentile(50) / 1000.0, last.getValueAtPercentile(99) / 1000.0);
    }
}
