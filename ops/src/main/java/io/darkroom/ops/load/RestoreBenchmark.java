package io.darkroom.ops.load;

import io.darkroom.ops.client.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bulk delete and the restore of what it deleted, side by side, in rounds: {@code --assets} small PNGs uploaded under
 * a prefix (8 clients), deleted with one {@code DELETE /resources/image/upload?prefix=} call (1,000 at most per call),
 * then restored by asset id with one {@code POST /resources/restore} call; both calls timed, and the restore's time as a
 * share of the delete's. Each round's assets must all come back and be listed again.
 *
 * <pre>java -jar ops/target/darkroom-load.jar restore --cloud-url cloudinary://KEY:SECRET@CLOUD \
 *     [--url http://localhost:8080] [--assets 1000] [--rounds 5]</pre>
 */
public final class RestoreBenchmark {
    private RestoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String cloudUrl = System.getenv("CLOUDINARY_URL");
        int assets = 1000;
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--cloud-url" -> cloudUrl = args[++i];
                case "--assets" -> assets = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Api api = BenchmarkTarget.of(url, cloudUrl).api();
        byte[] png = SampleImages.jpegsOfAbout(4 * 1024, 1).get(0);
        System.out.printf("%d assets per round (%d-byte JPEGs), %d rounds%n", assets, png.length, rounds);
        for (int round = 1; round <= rounds; round++) {
            String prefix = "restore-bench/" + System.nanoTime() + "/";
            List<String> assetIds = upload(api, prefix, assets, png);
            long start = System.nanoTime();
            Api.Answer deleted = api.admin("DELETE", "resources/image/upload?prefix=" + java.net.URLEncoder.encode(prefix,
                    java.nio.charset.StandardCharsets.UTF_8));
            double deleteMs = (System.nanoTime() - start) / 1e6;
            require(deleted, "delete");
            StringBuilder body = new StringBuilder("{\"asset_ids\":[");
            for (int i = 0; i < assetIds.size(); i++) {
                body.append(i == 0 ? "" : ",").append('"').append(assetIds.get(i)).append('"');
            }
            body.append("]}");
            start = System.nanoTime();
            Api.Answer restored = api.adminJson("POST", "resources/restore", body.toString());
            double restoreMs = (System.nanoTime() - start) / 1e6;
            require(restored, "restore");
            long back = assetIds.stream().filter(id -> restored.json().path(id).has("public_id")).count();
            System.out.printf("round %d: delete of %d by prefix %.0f ms, restore by asset id %.0f ms (%.0f%% of the delete), "
                    + "%d restored%n", round, assetIds.size(), deleteMs, restoreMs, 100 * restoreMs / deleteMs, back);
            if (back != assetIds.size()) {
                throw new IllegalStateException("only " + back + " of " + assetIds.size() + " restored: " + restored.body()
                        .substring(0, Math.min(400, restored.body().length())));
            }
            require(api.admin("DELETE", "resources/image/upload?prefix=" + java.net.URLEncoder.encode(prefix,
                    java.nio.charset.StandardCharsets.UTF_8)), "clean-up delete");
        }
    }

    private static List<String> upload(Api api, String prefix, int count, byte[] png) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String publicId = prefix + i;
                answers.add(pool.submit(() -> api.upload(Map.of("public_id", publicId), png, "p.jpg")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Api.Answer> answer : answers) {
                require(answer.get(), "upload");
                ids.add(answer.get().json().path("asset_id").asText());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private static void require(Api.Answer answer, String what) {
        if (answer.status() != 200) {
            throw new IllegalStateException(what + " failed: " + answer.status() + " " + answer.body());
        }
    }
}
