package io.darkroom.ops.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.darkroom.ops.client.Api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/**
 * The online rebuild's rate over a large event store, side by side with a plain scan of the same
 * event table in the same run. Seeds the store with {@code --assets} clones of one real asset's
 * history (its upload and {@code 4} tag changes, so five events each, every clone with its own asset
 * and public id), then times {@code SELECT global_index, payload, meta_data} streamed over JDBC and a
 * verify-mode rebuild of every read model through {@code /ops/rebuild}.
 *
 * <pre>java -jar ops/target/darkroom-load.jar replay-rate --cloud-url cloudinary://KEY:SECRET@CLOUD \
 *     --db-url jdbc:postgresql://localhost:PORT/postgres --operator-token TOKEN [--url http://localhost:8080] [--assets 200000]</pre>
 * (the embedded database's port is in the server's log: "Embedded PostgreSQL started on port ...")
 */
public final class ReplayRateBenchmark {
    private ReplayRateBenchmark() {
    }

    /** Two clients uploading small images and two listing for {@code seconds}: uploads per second and the listing's p50/p99. */
    private static String load(Api api, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.concurrent.atomic.AtomicLong uploads = new java.util.concurrent.atomic.AtomicLong();
        java.util.List<Long> listings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        byte[] image = SampleImages.photo(32, 24, 7, 0.8f);
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            boolean uploader = c < 2;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        if (uploader) {
                            if (api.upload(Map.of("public_id", "replay-bench/load-" + System.nanoTime()), image, "l.jpg").status() == 200) {
                                uploads.incrementAndGet();
                            }
                        } else {
                            long start = System.nanoTime();
                            api.admin("GET", "resources/image?max_results=50");
                            listings.add(System.nanoTime() - start);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        java.util.List<Long> sorted = new java.util.ArrayList<>(listings);
        java.util.Collections.sort(sorted);
        return String.format("%.1f uploads/s; listing p50 %.1f ms, p99 %.1f ms (%d listings)", uploads.get() / (double) seconds,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6,
                sorted.size());
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        String dbUrl = null;
        String token = System.getenv("DARKROOM_OPERATOR_TOKEN");
        int assets = 200_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--db-url" -> dbUrl = args[++i];
                case "--operator-token" -> token = args[++i];
                case "--assets" -> assets = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        BenchmarkTarget target = BenchmarkTarget.of(url, cloudUrl);
        Api api = target.api();
        String template = "replay-bench/template-" + System.nanoTime();
        Api.Answer uploaded = api.upload(Map.of("public_id", template, "tags", "a"), SampleImages.photo(64, 48, 1, 0.8f), "t.jpg");
        JsonNode answer = uploaded.json();
        String assetId = answer.path("asset_id").asText();
        for (int i = 0; i < 4; i++) {
            api.action("image/tags", Map.of("command", "add", "tag", "tag" + i, "public_ids", template));
        }
        try (Connection db = DriverManager.getConnection(dbUrl, "postgres", "")) {
            long seedStart = System.nanoTime();
            try (PreparedStatement seed = db.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                        payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, md5(n::text || ?), e.sequence_number, e.type, e.time_stamp, e.payload_type,
                           e.payload_revision,
                           convert_to(replace(replace(convert_from(e.payload, 'UTF8'), ?, md5(n::text || ?)), ?, ? || n), 'UTF8'),
                           e.meta_data
                    FROM generate_series(1, ?) n, domain_event_entry e
                    WHERE e.aggregate_identifier = ? ORDER BY n, e.sequence_number""")) {
                String salt = Long.toString(System.nanoTime());
                seed.setString(1, salt);
                seed.setString(2, assetId);
                seed.setString(3, salt);
                seed.setString(4, template);
                seed.setString(5, template + "-");
                seed.setInt(6, assets);
                seed.setString(7, assetId);
                int rows = seed.executeUpdate();
                System.out.printf("seeded %,d events (%,d clones of a 5-event history) in %.1f s%n", rows, assets,
                        (System.nanoTime() - seedStart) / 1e9);
            }
            long total;
            try (Statement count = db.createStatement(); ResultSet rs = count.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                rs.next();
                total = rs.getLong(1);
            }
            double scanRate = EventTableScan.rate(db);

            String baseline = load(api, 15);
            System.out.println("without a rebuild: " + baseline);

            long rebuildStart = System.nanoTime();
            HttpResponse<String> started = target.http().send(HttpRequest.newBuilder(URI.create(url + "/ops/rebuild?projections=all&mode=verify"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IllegalStateException("rebuild refused: " + started.body());
            }
            System.out.println("during the rebuild: " + load(api, 15));
            JsonNode status;
            RateSlope slope = new RateSlope(rebuildStart);
            do {
                Thread.sleep(2000);
                status = Api.JSON.readTree(target.http().send(HttpRequest.newBuilder(URI.create(url + "/ops/rebuild"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
                slope.add(System.nanoTime(), status.path("done").asLong());
                if (status.path("state").asText().equals("running")) {
                    System.out.printf("  %s: %,d of %,d events, %,d events/s, %d s left%n", status.path("phase").asText(),
                            status.path("done").asLong(), status.path("total").asLong(), status.path("events_per_second").asLong(),
                            status.path("seconds_left").asLong());
                }
            } while (status.path("state").asText().equals("running"));
            double seconds = (System.nanoTime() - rebuildStart) / 1e9;
            double rebuildRate = status.path("events").asLong() / seconds;
            System.out.printf("online rebuild of every read model (verify): %,d events in %.1f s = %,.0f events/s, %.1f%% of the scan; "
                    + "%d differences; store holds %,d events%n", status.path("events").asLong(), seconds, rebuildRate,
                    100 * rebuildRate / scanRate, status.path("differences").size(), total);
            slope.add(System.nanoTime(), status.path("events").asLong());
            double first = slope.rate(0, RateSlope.WINDOW);
            double last = slope.rate(status.path("events").asLong() - RateSlope.WINDOW, status.path("events").asLong());
            System.out.printf("  first %,d events at %,.0f events/s, last %,d at %,.0f events/s (%.0f%% of the first); scan %,.0f events/s%n",
                    RateSlope.WINDOW, first, RateSlope.WINDOW, last, 100 * last / first, scanRate);
        }
    }

}
