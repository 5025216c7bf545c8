package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Drives every route with random and mutated parameters, bodies, headers and paths. Every
 * answer must be below 500, every error must be the API's JSON, the server must stay up, and
 * nothing may appear outside the data directory's own files.
 * One class on purpose: the route table and its mutations are read together.
 */
final class FuzzScenario {
    record Result(long sent, long serverErrors, long nonJsonErrors, long cutOff, Map<Integer, Long> statuses, List<String> failures,
                  SearchFuzz.Result search) {
    }

    private static final String[] ROUTES = {
            "GET /v1_1/{c}/ping", "GET /v1_1/{c}/resources", "GET /v1_1/{c}/resources/image", "GET /v1_1/{c}/resources/image/upload",
            "GET /v1_1/{c}/resources/image/upload/{id}", "GET /v1_1/{c}/resources/image/tags/{s}",
            "GET /v1_1/{c}/resources/image/moderations/manual/pending", "GET /v1_1/{c}/resources/image/context",
            "GET /v1_1/{c}/tags/image", "GET /v1_1/{c}/tags", "GET /v1_1/{c}/resources/by_asset_id/{s}/history",
            "GET /v1_1/{c}/resources/image/upload/{id}/history", "GET /v1_1/{c}/audit",
            "POST /v1_1/{c}/resources/image/upload/{id}", "DELETE /v1_1/{c}/resources/image/upload",
            "DELETE /v1_1/{c}/resources/image/tags/{s}", "DELETE /v1_1/{c}/derived_resources",
            "POST /v1_1/{c}/resources/image/upload", "POST /v1_1/{c}/image/upload", "POST /v1_1/{c}/raw/upload",
            "POST /v1_1/{c}/auto/upload", "POST /v1_1/{c}/video/upload", "POST /v1_1/{c}/image/tags", "POST /v1_1/{c}/image/context",
            "POST /v1_1/{c}/image/destroy", "POST /v1_1/{c}/image/rename", "GET /{c}/image/upload/{id}",
            "GET /{c}/image/upload/v1/{id}.jpg", "GET /{c}/raw/private/{id}", "GET /actuator/health", "GET /{s}", "POST /{s}/{s}",
            "PUT /v1_1/{c}/resources/image/upload/{id}", "PATCH /v1_1/{c}/image/upload", "GET /v1_1/{c}/{s}/{s}",
            "POST /v1_1/{c}/image/explicit", "GET /v1_1/{c}/resources/by_asset_ids", "GET /v1_1/{c}/resources/{s}",
            "PUT /v1_1/{c}/resources/{s}", "GET /v1_1/{c}/resources%2Fimage%2Fupload", "DELETE /v1_1/{c}/resources%2Fimage%2F{s}",
            "GET /v1_1/{c}/upload_presets", "POST /v1_1/{c}/upload_presets", "GET /v1_1/{c}/upload_presets/{p}",
            "PUT /v1_1/{c}/upload_presets/{p}", "DELETE /v1_1/{c}/upload_presets/{p}", "POST /v1_1/{c}/delete_by_token",
            "POST /v1_1/{c}/image/delete_by_token", "OPTIONS /v1_1/{c}/image/upload", "POST /v1_1/{c}/image/upload?upload_preset={p}",
            "GET /v1_1/{c}/folders", "GET /v1_1/{c}/folders/{s}", "POST /v1_1/{c}/folders/{s}", "PUT /v1_1/{c}/folders/{s}",
            "DELETE /v1_1/{c}/folders/{s}", "POST /v1_1/{c}/folders/search", "GET /v1_1/{c}/resources/by_asset_folder",
            "POST /v1_1/{c}/resources/search", "GET /v1_1/{c}/resources/search", "GET /v1_1/{c}/config"};
    /** Presets the fuzzer names: one unsigned and one signed-only made at the start, and some that do not exist. */
    private static final String[] PRESETS = {"open", "open", "closed", "missing", "..", "a%2Fb"};
    private static final String[] NAMES = {"public_id", "public_ids", "public_ids[]", "prefix", "tags", "tags[]", "tag", "context",
            "max_results", "next_cursor", "type", "direction", "start_at", "command", "timestamp", "signature", "api_key", "file",
            "from_public_id", "to_public_id", "overwrite", "all", "keep_original", "moderation_status", "face_coordinates",
            "custom_coordinates", "since", "until", "actor", "folder", "use_filename", "unique_filename", "invalidate",
            "derived_resource_ids", "colors", "image_metadata", "phash", "moderation", "resource_type", "_method", "x",
            "key", "value", "fields", "asset_ids", "asset_ids[]", "raw_convert", "ocr", "eager", "auto_tagging",
            "upload_preset", "unsigned", "disallow_public_id", "name", "allowed_formats", "format", "transformation",
            "notification_url", "eager_notification_url", "eager_async", "return_delete_token", "token", "settings",
            "expression", "sort_by", "aggregate", "with_field", "to_folder", "asset_folder", "display_name", "public_id_prefix",
            "use_asset_folder_as_public_id_prefix", "unique_display_name", "use_filename_as_display_name"};
    private static final String[] VALUES = {"", "0", "-1", "1", "500", "501", "99999999999999999999999", "-9223372036854775809",
            "1e309", "NaN", "true", "false", "null", "../../../../etc/passwd", "/etc/passwd", "..\\..\\windows", "a/../../b",
            "%2e%2e%2f%2e%2e%2f", "ünïcødé 💥 ﷽", "\u0000", "a\u0000b", "\r\n", "<script>alert(1)</script>", "' OR 1=1 --",
            "a=b|c=d", "x\\=y\\|z", "1,2,3,4|5,6,7,8", "1,2,a", "approved", "rejected", "add", "remove", "replace", "remove_all",
            "set_exclusive", "asc", "desc", "2026-01-01T00:00:00Z", "not-a-date", "data:image/png;base64,iVBORw0KGgo=",
            "data:;base64,!!!!", "http://127.0.0.1:1/x", "http://169.254.169.254/latest", "file:///etc/passwd", "ftp://x",
            "fuzz/one", "upload", "private", "authenticated", "image", "raw", "video", "0123456789abcdef0123456789abcdef",
            "Tue Dec 01 2026 19:58:47 GMT+0000 (Coordinated Universal Time)", "illegal", "aspose", "open", "closed",
            "c_scale,w_10", "w_abc", "png", "jpg,png", "exe", "bm90LmEudG9rZW4.00", "http://example.invalid/hook",
            "tags:fuzz AND (format:png OR bytes>1m)", "[{\"public_id\":\"asc\"}]", "created_at:sideways", "format",
            "fuzz/moved", "a+b", "folder:fuzz/*", "uploaded_at>1w", "context.alt=\"x y\""};
    /** Chunked-upload headers, well-formed and not: sent on a share of the requests. */
    private static final String[] CONTENT_RANGES = {"bytes 0-99/-1", "bytes 0--1/0", "bytes 0-4999999/-1", "bytes 5-1/10",
            "bytes 0-9/5", "bytes -1-2/3", "bytes 99999999999999999999-1/2", "garbage", "", "bytes 0-0/1", "bytes 0-99/100"};

    private final DarkroomProcess darkroom;
    private final int threads;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong nonJson = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong cutOff = new AtomicLong();

    FuzzScenario(DarkroomProcess darkroom, int threads) {
        this.darkroom = darkroom;
        this.threads = threads;
    }

    Result run(long requests) throws Exception {
        darkroom.start(Duration.ofMinutes(3));
        Path outside = darkroom.dataDir().getParent();
        Set<String> outsideBefore = listing(outside);
        Api api = darkroom.api();
        for (int i = 0; i < 5; i++) {
            api.upload(Map.of("public_id", "fuzz/" + i, "tags", "fuzz"), CrashScenario.randomPng(), "f.png");
        }
        api.admin("POST", "upload_presets?name=open&unsigned=true&return_delete_token=true");
        api.admin("POST", "upload_presets?name=closed&transformation=c_scale,w_20");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // the HTTP client refuses some generated requests, so attempts go on until enough were sent
        AtomicLong attemptsLeft = new AtomicLong(2 * requests);
        for (int t = 0; t < threads; t++) {
            long seed = 7919L * (t + 1);
            pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (sent.get() < requests && attemptsLeft.getAndDecrement() > 0) {
                    try {
                        fuzzOnce(api, random);
                    } catch (IllegalArgumentException unsendable) {
                        // the HTTP client refuses some generated headers or URIs; nothing was sent
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            failures.add("fuzz: did not finish");
        }
        // search expressions: a tenth of the requests, at least a thousand
        SearchFuzz.Result search = new SearchFuzz(api).run((int) Math.max(1000, requests / 10), 31L, darkroom.log());
        failures.addAll(search.failures());
        if (search.sqlErrorsInLog() > 0) {
            failures.add("fuzz: " + search.sqlErrorsInLog() + " SQL errors in the server's log");
        }
        if (!darkroom.isAlive()) {
            failures.add("fuzz: the server died");
        } else {
            darkroom.awaitHealthy(Duration.ofSeconds(10));
        }
        Set<String> outsideAfter = listing(outside);
        outsideAfter.removeAll(outsideBefore);
        if (!outsideAfter.isEmpty()) {
            failures.add("fuzz: files appeared outside the data directory: " + outsideAfter);
        }
        try (Stream<Path> top = Files.list(darkroom.dataDir())) {
            Set<String> own = Set.of("blobs", "postgres", "postgres-runtime", "postgres.log", "staging", "master.key", "darkroom.log");
            top.map(p -> p.getFileName().toString()).filter(name -> !own.contains(name))
                    .forEach(name -> failures.add("fuzz: unexpected entry in the data directory: " + name));
        }
        darkroom.stop();
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return new Result(sent.get(), serverErrors.get(), nonJson.get(), cutOff.get(), counts, failures, search);
    }

    private void fuzzOnce(Api api, SplittableRandom random) {
        String route = ROUTES[random.nextInt(ROUTES.length)];
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{c}", random.nextInt(10) < 8 ? DarkroomProcess.CLOUD : segment(random))
                .replace("{id}", random.nextInt(3) == 0 ? "fuzz/" + random.nextInt(6) : segment(random) + "/" + segment(random));
        path = path.replace("{p}", PRESETS[random.nextInt(PRESETS.length)]);
        while (path.contains("{s}")) {
            path = path.replaceFirst("\\{s}", segment(random));
        }
        Map<String, String> params = new LinkedHashMap<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            params.put(NAMES[random.nextInt(NAMES.length)], value(random));
        }
        boolean signed = random.nextInt(10) < 6;
        if (signed) {
            params = api.sign(params);
        }
        HttpRequest.Builder request;
        try {
            String query = random.nextBoolean() ? "?" + Api.form(params) : "";
            request = HttpRequest.newBuilder(URI.create(darkroom.baseUrl() + path + query)).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException unsendable) {
            return;
        }
        int auth = random.nextInt(10);
        if (auth < 6) {
            request.header("Authorization", Api.basic(DarkroomProcess.KEY, DarkroomProcess.SECRET));
        } else if (auth == 6) {
            request.header("Authorization", "Basic " + value(random).replaceAll("[\\r\\n\\u0000]", ""));
        } else if (auth == 7) {
            request.header("Authorization", Api.basic(DarkroomProcess.KEY, "wrong"));
        }
        if (random.nextInt(6) == 0) {
            try {
                // browsers' cross-origin calls (the Upload API answers CORS)
                request.header("Origin", random.nextBoolean() ? "http://page.example" : value(random).replaceAll("[\\r\\n\\u0000]", ""));
            } catch (IllegalArgumentException unsendableHeader) {
                return;
            }
        }
        if (random.nextInt(8) == 0) {
            try {
                request.header("Content-Range", CONTENT_RANGES[random.nextInt(CONTENT_RANGES.length)]);
                if (random.nextInt(4) > 0) {
                    request.header("X-Unique-Upload-Id", random.nextBoolean() ? "fuzz-" + random.nextInt(20) : value(random)
                            .replaceAll("[\\r\\n\\u0000]", ""));
                }
            } catch (IllegalArgumentException unsendableHeader) {
                return;
            }
        }
        boolean oversizedHeader = random.nextInt(50) == 0;
        if (oversizedHeader) {
            request.header("X-Fuzz", "x".repeat(70_000));
        }
        byte[] body = body(random, params);
        String[] contentTypes = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzzboundary",
                "application/json", "text/plain", "application/octet-stream", "multipart/form-data", "image/png", "garbage/;;;"};
        request.header("Content-Type", random.nextInt(4) == 0 ? contentTypes[random.nextInt(contentTypes.length)]
                : body.length > 2 && body[0] == '-' ? "multipart/form-data; boundary=fuzzboundary"
                : body.length > 0 && body[0] == '{' ? "application/json" : "application/x-www-form-urlencoded");
        request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response;
        try {
            response = api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException unsendable) {
            return;
        } catch (IOException e) {
            if (oversizedHeader) {
                // beyond the 64 KB header limit Tomcat answers 400 and closes at once; when the client is still
                // sending, TCP may reset the connection before the answer arrives: counted, not a defect
                cutOff.incrementAndGet();
                return;
            }
            record("no answer to " + method + " " + path + " (body " + body.length + " bytes"
                    + (oversizedHeader ? ", 70 KB header" : "") + "): " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sent.incrementAndGet();
        int status = response.statusCode();
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status >= 500) {
            serverErrors.incrementAndGet();
            record(method + " " + path + " -> " + status + " " + abbreviate(response.body()));
        }
        if (status >= 400 && !isJsonError(response)) {
            nonJson.incrementAndGet();
            record(method + " " + path + " -> " + status + " not a JSON error: " + abbreviate(response.body()));
        }
    }

    private void record(String failure) {
        if (failures.size() < 200) {
            failures.add("fuzz: " + failure);
        }
    }

    private static boolean isJsonError(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return false;
        }
        try {
            return Api.JSON.readTree(response.body()).path("error").path("message").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] body(SplittableRandom random, Map<String, String> params) {
        switch (random.nextInt(8)) {
            case 0:
                return new byte[0];
            case 1: {
                byte[] bytes = new byte[random.nextInt(1, 300_000)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 2:
                return ("[".repeat(20_000) + "]".repeat(random.nextInt(20_000))).getBytes(StandardCharsets.UTF_8);
            case 3:
                return ("{\"public_ids\":[\"" + value(random) + "\"],\"x\":{\"y\":" + value(random) + "}").getBytes(StandardCharsets.UTF_8);
            case 4:
            case 5: {
                StringBuilder multipart = new StringBuilder();
                params.forEach((name, value) -> multipart.append("--fuzzboundary\r\nContent-Disposition: form-data; name=\"")
                        .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
                multipart.append("--fuzzboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                        .append(value(random)).append("\"\r\nContent-Type: image/png\r\n\r\n");
                byte[] head = multipart.toString().getBytes(StandardCharsets.UTF_8);
                byte[] file = new byte[random.nextInt(0, 4000)];
                random.nextBytes(file);
                if (random.nextBoolean()) {
                    // a PNG signature and header claiming a huge image
                    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                            0, 0, (byte) 0xC3, 0x50, 0, 0, (byte) 0xC3, 0x50, 8, 2, 0, 0, 0};
                    System.arraycopy(png, 0, file, 0, Math.min(png.length, file.length));
                }
                boolean truncated = random.nextBoolean();
                byte[] tail = truncated ? new byte[0] : "\r\n--fuzzboundary--\r\n".getBytes(StandardCharsets.UTF_8);
                byte[] all = new byte[head.length + file.length + tail.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(file, 0, all, head.length, file.length);
                System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
                return all;
            }
            default:
                return Api.form(params).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String value(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "x".repeat(random.nextInt(1, 20_000));
        }
        if (kind == 1) {
            StringBuilder junk = new StringBuilder();
            int length = random.nextInt(1, 40);
            for (int i = 0; i < length; i++) {
                junk.appendCodePoint(random.nextInt(1, 0x2FFFF));
            }
            return junk.toString().replaceAll("[\\uD800-\\uDFFF]", "?");
        }
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String segment(SplittableRandom random) {
        String raw = value(random);
        if (raw.length() > 300) {
            raw = raw.substring(0, 300);
        }
        return random.nextInt(4) == 0 ? raw.replace(" ", "%20").replace("\u0000", "%00")
                : URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }
}
