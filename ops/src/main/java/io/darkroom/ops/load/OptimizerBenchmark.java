package io.darkroom.ops.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.darkroom.ops.client.Api;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Media Optimizer's figures, against a running Darkroom, with a local origin and webhook listener this tool starts:
 * <ol>
 *   <li>mapping-function execution p50/p99 (the server's {@code darkroom_mapping_seconds}) and delivery latency under 32
 *   concurrent deliveries through a custom function (each URL new to the delivery cache, its variant stored);</li>
 *   <li>cached Media Optimizer deliveries per second with {@code wrk -t2 -c32}, side by side with nginx serving the same
 *   bytes in the same run;</li>
 *   <li>warm-up to webhook latency: from the API's answer to the notification's arrival, new media each time.</li>
 * </ol>
 * Needs {@code nginx} and {@code wrk} on the PATH, and the server started with
 * {@code DARKROOM_UPLOAD_ALLOW_PRIVATE_ADDRESSES=true} (the origin and listener are on this machine).
 *
 * <pre>java -jar ops/target/darkroom-load.jar optimizer --cloud-url cloudinary://KEY:SECRET@CLOUD [--url http://localhost:8080]
 *     [--requests 3200] [--warm-ups 40] [--wrk-seconds 10]</pre>
 */
public final class OptimizerBenchmark {
    private static final String RESIZE = """
            function map(request, environment) {
              let transformation = environment.defaultTransformation;
              if (request.query.width && request.query.height) {
                transformation += `w_${request.query.width},h_${request.query.height},c_limit/`;
              }
              const path = request.path.slice(`${environment.pathPrefix}/`.length);
              return { fwd_key: path, media_key: request.path, transformation, resource_type: 'image' };
            }""";

    private OptimizerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        int requests = 3200;
        int warmUps = 40;
        int wrkSeconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warm-ups" -> warmUps = Integer.parseInt(args[++i]);
                case "--wrk-seconds" -> wrkSeconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        BenchmarkTarget target = BenchmarkTarget.of(url, cloudUrl);
        HttpClient http = target.http();
        Api api = target.api();
        byte[] photo = SampleImages.photo(1600, 1200, 11, 0.85f);
        HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, photo.length);
            exchange.getResponseBody().write(photo);
            exchange.close();
        });
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            JsonNode body = Api.JSON.readTree(exchange.getRequestBody().readAllBytes());
            arrivals.put(body.path("batch_id").asText(), now);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        origin.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "origin");
            thread.setDaemon(true);
            return thread;
        }));
        origin.start();
        listener.start();
        try {
            String run = Long.toString(System.currentTimeMillis(), 36);
            String prefix = "bench-" + run;
            String domainId = call(api, "GET", "/domains", null).get(0).path("id").asText();
            String domain = call(api, "GET", "/domains", null).get(0).path("domains").asText();
            String source = call(api, "POST", "/media_sources", Map.of("display_name", "bench origin", "uri_type", "web", "config",
                    Map.of("web_uri_base", "http://127.0.0.1:" + origin.getAddress().getPort()))).path("id").asText();
            String function = call(api, "POST", "/mapping_functions", Map.of("display_name", "bench resize", "code", RESIZE)).path("id").asText();
            String profile = call(api, "POST", "/delivery_profiles", Map.of("display_name", prefix, "path_prefix", prefix, "cname_id", domainId,
                    "mapping_function_id", function, "media_source_ids", List.of(source))).path("id").asText();
            call(api, "PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", true));
            String base = url + "/mo/" + domain + "/" + prefix + "/photo.jpg?width=400&height=300";
            check(get(http, base));

            // 1. mapping under 32 concurrent deliveries: every URL new to the cache (a query the function ignores)
            String metricsBefore = metrics(http, url);
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(32);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> clients = new ArrayList<>();
            int total = requests;
            for (int c = 0; c < 32; c++) {
                clients.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        check(get(http, base + "&n=" + run + n));
                        latencies.add((System.nanoTime() - start) / 1e6);
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            for (Future<?> client : clients) {
                client.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            String metricsAfter = metrics(http, url);
            System.out.printf("32 concurrent deliveries through a custom mapping function: %d in %.1f s (%.0f/s); delivery p50 %.1f ms,"
                            + " p99 %.1f ms%n", total, seconds, total / seconds, percentile(latencies, 50), percentile(latencies, 99));
            String execution = "darkroom_mapping_execution_seconds_bucket{";
            String guarded = "darkroom_mapping_seconds_bucket{";
            System.out.printf("mapping-function execution during the run (darkroom_mapping_execution_seconds): p50 %.3f ms, p99 %.3f ms;"
                            + " the whole guarded call incl. waiting for a turn (darkroom_mapping_seconds): p50 %.3f ms, p99 %.3f ms%n",
                    quantile(metricsBefore, metricsAfter, execution, 0.5) * 1e3, quantile(metricsBefore, metricsAfter, execution, 0.99) * 1e3,
                    quantile(metricsBefore, metricsAfter, guarded, 0.5) * 1e3, quantile(metricsBefore, metricsAfter, guarded, 0.99) * 1e3);

            // 2. cached deliveries against nginx serving the same bytes
            HttpResponse<byte[]> cached = get(http, base);
            check(cached);
            Path work = Files.createTempDirectory("darkroom-optimizer-bench");
            double[] rates = StaticFileRace.race(work, cached.body(), base, wrkSeconds);
            System.out.printf("cached Media Optimizer delivery (%,d bytes) wrk -t2 -c32 -d%ds: Darkroom %.0f req/s, nginx %.0f req/s,"
                    + " ratio %.2f%n", cached.body().length, wrkSeconds, rates[0], rates[1], rates[0] / rates[1]);

            // 3. warm-up to webhook
            String hook = "http://127.0.0.1:" + listener.getAddress().getPort() + "/hook";
            List<Double> warmMs = new ArrayList<>();
            for (int i = 0; i < warmUps; i++) {
                String warmUrl = "https://" + domain + "/" + prefix + "/warm-" + i + ".jpg?width=300&height=200";
                long start = System.nanoTime();
                Api.Answer answer = api.send(HttpRequest.newBuilder(URI.create(url + "/v1/" + target.cloud() + "/warm_up"))
                        .header("Authorization", api.authorization()).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("url=" + URLEncoder.encode(warmUrl, StandardCharsets.UTF_8)
                                + "&notification_url=" + URLEncoder.encode(hook, StandardCharsets.UTF_8))));
                String batch = Api.JSON.readTree(answer.body()).path("batch_id").asText();
                long deadline = System.currentTimeMillis() + 30_000;
                while (!arrivals.containsKey(batch) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(1);
                }
                if (!arrivals.containsKey(batch)) {
                    throw new IllegalStateException("no webhook for " + warmUrl);
                }
                warmMs.add((arrivals.get(batch) - start) / 1e6);
            }
            System.out.printf("warm-up to webhook (1600x1200 original -> 300x200, new media each): p50 %.1f ms, p99 %.1f ms (%d)%n",
                    percentile(warmMs, 50), percentile(warmMs, 99), warmMs.size());
            call(api, "PUT", "/delivery_profiles/" + profile, Map.of("is_enabled", false));
        } finally {
            origin.stop(0);
            listener.stop(0);
        }
    }

    private static JsonNode call(Api api, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/" + api.cloud() + path))
                .header("Authorization", api.authorization()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
        Api.Answer answer = api.send(request);
        if (answer.status() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + answer.status() + " " + answer.body());
        }
        return Api.JSON.readTree(answer.body());
    }

    private static String metrics(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * A quantile of what a histogram counted between two scrapes, in seconds, interpolated within its bucket as PromQL's
     * {@code histogram_quantile} does ({@code series} starts the bucket lines, e.g. {@code name_bucket{}).
     */
    static double quantile(String before, String after, String series, double q) {
        java.util.TreeMap<Double, Double> counts = buckets(after, series);
        buckets(before, series).forEach((le, n) -> counts.merge(le, -n, Double::sum));
        double total = counts.isEmpty() ? 0 : counts.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : counts.entrySet()) {
            if (bucket.getValue() >= rank) {
                double upper = bucket.getKey().isInfinite() ? lower : bucket.getKey();
                double inBucket = bucket.getValue() - below;
                return inBucket <= 0 ? upper : lower + (upper - lower) * (rank - below) / inBucket;
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        return lower;
    }

    private static java.util.TreeMap<Double, Double> buckets(String metrics, String series) {
        java.util.TreeMap<Double, Double> counts = new java.util.TreeMap<>();
        Pattern le = Pattern.compile("le=\"([^\"]+)\"");
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series) && (!series.startsWith("darkroom_mapping_seconds") || line.contains("outcome=\"mapped\""))) {
                Matcher m = le.matcher(line);
                if (m.find()) {
                    double bound = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                    counts.merge(bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
        }
        return counts;
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void check(HttpResponse<byte[]> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("delivery failed: " + answer.statusCode() + " " + answer.headers().firstValue("X-Cld-Error").orElse(""));
        }
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
