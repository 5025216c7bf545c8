package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Authentication and tenancy: every route with no credentials, a wrong secret, another cloud's
 * key, a malformed header and the right key (only the last may pass); another cloud's assets are
 * never visible or changeable; upload signatures replayed after an hour, tampered or truncated
 * are refused; calls without a signature reach nothing but uploads to an unsigned preset; the console's routes keep
 * the same rules ({@link ConsoleMatrix}); repeated failures lock an address out; and no secret appears in the database
 * or the server log.
 * One class on purpose: the credential matrix and the secret search are one checklist, read top to bottom.
 */
final class AuthScenario {
    static final String OTHER_CLOUD = "othercloud";
    static final String OTHER_KEY = "okey";
    static final String OTHER_SECRET = "other-secret-5d1e8b7a";
    /** A Media Optimizer media source's S3 keys: encrypted at rest like the clouds' secrets. */
    static final String S3_ACCESS_KEY = "AKIAMOSOURCE7f3a9c21";
    static final String S3_SECRET_KEY = "s3-secret-key-0b9d44e1c6";

    record Result(int cases, int passedWrongly, boolean lockedOut, long secretsFound, List<String> failures) {
    }

    private final Path jar;
    private final Path workDir;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private int cases;
    private int passedWrongly;

    AuthScenario(Path jar, Path workDir) {
        this.jar = jar;
        this.workDir = workDir;
    }

    Result run() throws Exception {
        DarkroomProcess darkroom = new DarkroomProcess(jar, workDir.resolve("auth"), Map.of(
                "DARKROOM_CLOUDS_0_URL", "cloudinary://" + OTHER_KEY + ":" + OTHER_SECRET + "@" + OTHER_CLOUD,
                "DARKROOM_AUTH_MAX_FAILURES_PER_MINUTE", "1000000"));
        long secrets;
        darkroom.start(Duration.ofMinutes(3));
        try {
            Api main = darkroom.api();
            Api other = new Api(darkroom.baseUrl(), OTHER_CLOUD, OTHER_KEY, OTHER_SECRET);
            String assetId = main.upload(Map.of("public_id", "auth/one", "tags", "t1"), CrashScenario.randomPng(), "a.png")
                    .json().path("asset_id").asText();
            other.upload(Map.of("public_id", "auth/theirs"), CrashScenario.randomPng(), "b.png");
            adminMatrix(darkroom, assetId);
            uploadMatrix(main, other);
            unsignedMatrix(darkroom, main);
            ConsoleMatrix console = new ConsoleMatrix(darkroom.baseUrl());
            console.run(DarkroomProcess.CLOUD, DarkroomProcess.KEY, DarkroomProcess.SECRET, OTHER_CLOUD, OTHER_KEY, OTHER_SECRET,
                    assetId, "auth/one", failures::add);
            cases += console.cases();
            passedWrongly += console.passedWrongly();
            tenancy(main, other, assetId);
            mediaSourceWithKeys(main);
            secrets = secretsInDatabaseAndLog(darkroom);
        } finally {
            darkroom.stop();
        }
        boolean lockedOut = lockOut();
        return new Result(cases, passedWrongly, lockedOut, secrets, failures);
    }

    private void adminMatrix(DarkroomProcess darkroom, String assetId) throws Exception {
        String[] routes = {"GET resources/image", "GET resources/image/upload", "GET resources/image/upload/auth/one",
                "GET resources/image/tags/t1", "GET resources/image/moderations/manual/pending", "GET resources",
                "GET tags/image", "GET audit", "GET ping", "GET config?settings=true", "GET upload_presets", "GET resources/by_asset_id/" + assetId + "/history",
                "GET resources/image/upload/auth/one/history", "POST resources/image/upload/auth/one?tags=hacked",
                "DELETE resources/image/upload?public_ids[]=auth/one", "DELETE resources/image/tags/t1",
                "DELETE derived_resources?derived_resource_ids[]=x", "GET folders", "GET folders/auth", "POST folders/auth/new",
                "PUT folders/auth?to_folder=stolen", "DELETE folders/auth", "POST folders/search?expression=name:auth",
                "GET resources/by_asset_folder?asset_folder=auth", "GET resources/search?expression=tags:t1",
                "POST resources/search?expression=tags:t1"};
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("none", null);
        headers.put("wrong secret", Api.basic(DarkroomProcess.KEY, "not-the-secret"));
        headers.put("another cloud's key", Api.basic(OTHER_KEY, OTHER_SECRET));
        headers.put("malformed (no colon)", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)));
        headers.put("malformed (not base64)", "Basic !!!***");
        headers.put("bearer", "Bearer " + DarkroomProcess.SECRET);
        headers.put("right key", Api.basic(DarkroomProcess.KEY, DarkroomProcess.SECRET));
        // every wrong credential on every route first: any leak shows as a change before the right key acts
        for (boolean rightKey : new boolean[]{false, true}) {
            if (rightKey) {
                Api.Answer before = darkroom.api().admin("GET", "resources/image/upload/auth/one");
                if (before.status() != 200 || before.body().contains("hacked")) {
                    failures.add("auth: the resource changed or vanished under wrong credentials: " + before.status());
                }
            }
            for (String route : routes) {
                String method = route.substring(0, route.indexOf(' '));
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    boolean right = header.getKey().equals("right key");
                    if (right != rightKey || (right && route.startsWith("DELETE"))) {
                        continue; // the right key's deletes would end the matrix; tenancy() deletes on purpose
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(darkroom.baseUrl() + "/v1_1/" + DarkroomProcess.CLOUD
                            + "/" + route.substring(route.indexOf(' ') + 1).replace("[]", "%5B%5D")))
                            .method(method, HttpRequest.BodyPublishers.noBody());
                    if (header.getValue() != null) {
                        request.header("Authorization", header.getValue());
                    }
                    Api.Answer answer = darkroom.api().send(request);
                    cases++;
                    if (right ? answer.status() == 401 || answer.status() == 403 : answer.status() != 401) {
                        passedWrongly += right ? 0 : 1;
                        failures.add("auth: " + route + " with " + header.getKey() + " answered " + answer.status());
                    }
                }
            }
        }
    }

    private void uploadMatrix(Api main, Api other) throws Exception {
        String[] actions = {"image/upload", "image/tags", "image/context", "image/destroy", "image/rename"};
        for (String action : actions) {
            Map<String, String> params = new LinkedHashMap<>(switch (action) {
                case "image/tags" -> Map.of("command", "add", "tag", "x", "public_ids", "auth/one");
                case "image/context" -> Map.of("command", "add", "context", "a=b", "public_ids", "auth/one");
                case "image/destroy" -> Map.of("public_id", "auth/one");
                case "image/rename" -> Map.of("from_public_id", "auth/one", "to_public_id", "auth/moved");
                default -> Map.of("public_id", "auth/new", "file", "data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(CrashScenario.randomPng()));
            });
            Map<String, Map<String, String>> variants = new LinkedHashMap<>();
            Map<String, String> noSignature = new LinkedHashMap<>(params);
            noSignature.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
            noSignature.put("api_key", DarkroomProcess.KEY);
            variants.put("no signature", noSignature);
            Map<String, String> wrongSecret = new Api("", DarkroomProcess.CLOUD, DarkroomProcess.KEY, "guessed").sign(params);
            variants.put("wrong secret", wrongSecret);
            variants.put("another cloud's key", other.sign(params));
            Map<String, String> tampered = main.sign(params);
            tampered.put(params.keySet().iterator().next(), "tampered");
            variants.put("tampered parameter", tampered);
            Map<String, String> stale = new LinkedHashMap<>(params);
            stale.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000 - 3700));
            variants.put("replayed after an hour", main.sign(stale));
            Map<String, String> truncated = main.sign(params);
            truncated.put("signature", truncated.get("signature").substring(0, 20));
            variants.put("wrong signature length", truncated);
            for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
                Api.Answer answer = main.send(HttpRequest.newBuilder(URI.create(main.baseUrl() + "/v1_1/" + DarkroomProcess.CLOUD + "/" + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(Api.form(variant.getValue()))));
                cases++;
                if (answer.status() != 401) {
                    passedWrongly++;
                    failures.add("auth: " + action + " with " + variant.getKey() + " answered " + answer.status() + " " + answer.body());
                }
            }
        }
    }

    /**
     * Calls with no signature and no key, naming presets: only an upload through an unsigned preset passes; a signed-only
     * preset, a missing or unknown one, another cloud's, a parameter only the preset may set, and every other Upload and Admin
     * API route are refused, and none of them stores or changes anything.
     */
    private void unsignedMatrix(DarkroomProcess darkroom, Api main) throws Exception {
        main.admin("POST", "upload_presets?name=open&unsigned=true&folder=unsigned");
        main.admin("POST", "upload_presets?name=closed&folder=signed");
        String file = "data:image/png;base64," + Base64.getEncoder().encodeToString(CrashScenario.randomPng());
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        calls.put("image/upload to an unsigned preset", Map.of("upload_preset", "open", "file", file, "public_id", "ok"));
        calls.put("image/upload to a signed-only preset", Map.of("upload_preset", "closed", "file", file));
        calls.put("image/upload to an unknown preset", Map.of("upload_preset", "nope", "file", file));
        calls.put("image/upload without a preset", Map.of("file", file));
        calls.put("image/upload setting what only the preset may", Map.of("upload_preset", "open", "file", file, "overwrite", "true",
                "type", "private"));
        for (String action : new String[]{"image/tags", "image/context", "image/destroy", "image/rename", "image/explicit"}) {
            calls.put(action + " naming an unsigned preset", Map.of("upload_preset", "open", "public_id", "auth/one", "public_ids",
                    "auth/one", "command", "add", "tag", "x", "context", "a=b", "from_public_id", "auth/one", "to_public_id", "auth/x"));
        }
        for (String admin : new String[]{"resources/image/upload", "upload_presets", "upload_presets/open", "audit", "folders/auth",
                "resources/search"}) {
            calls.put(admin + " (Admin API) naming an unsigned preset", Map.of("upload_preset", "open"));
        }
        String before = main.admin("GET", "resources/image/upload?max_results=500&tags=true").body();
        for (Map.Entry<String, Map<String, String>> call : calls.entrySet()) {
            String path = call.getKey().substring(0, call.getKey().indexOf(' '));
            Api.Answer answer = main.send(HttpRequest.newBuilder(URI.create(main.baseUrl() + "/v1_1/" + DarkroomProcess.CLOUD + "/" + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.form(call.getValue()))));
            cases++;
            boolean allowed = call.getKey().equals("image/upload to an unsigned preset");
            if (allowed != (answer.status() == 200) || answer.status() >= 500) {
                passedWrongly += allowed ? 0 : 1;
                failures.add("unsigned: " + call.getKey() + " answered " + answer.status() + " " + answer.body());
            }
        }
        List<String> after = new ArrayList<>();
        Api.JSON.readTree(main.admin("GET", "resources/image/upload?max_results=500&tags=true").body()).path("resources")
                .forEach(resource -> after.add(resource.toString()));
        // the one call allowed: the preset files it in its folder (dynamic folder mode: the public id stays "ok")
        after.removeIf(resource -> resource.contains("\"public_id\":\"ok\"") && resource.contains("\"asset_folder\":\"unsigned\""));
        List<String> expected = new ArrayList<>();
        Api.JSON.readTree(before).path("resources").forEach(resource -> expected.add(resource.toString()));
        if (!after.equals(expected)) {
            passedWrongly++;
            failures.add("unsigned: a refused call changed the resources: " + after);
        }
    }

    /** Another cloud's key, on its own cloud's routes, never reaches this cloud's assets. */
    private void tenancy(Api main, Api other, String assetId) throws Exception {
        String[] reads = {"resources/by_asset_id/" + assetId + "/history", "resources/image/upload/auth/one"};
        for (String read : reads) {
            Api.Answer answer = other.admin("GET", read);
            cases++;
            if (answer.status() != 404) {
                passedWrongly++;
                failures.add("tenancy: another cloud read " + read + ": " + answer.status() + " " + answer.body());
            }
        }
        Api.Answer listing = other.admin("GET", "resources/image/upload?max_results=500");
        cases++;
        if (listing.body().contains("auth/one") || listing.body().contains(assetId)) {
            passedWrongly++;
            failures.add("tenancy: another cloud's listing shows this cloud's asset");
        }
        Api.Answer delete = other.admin("DELETE", "resources/image/upload?public_ids%5B%5D=" + URLEncoder.encode("auth/one", StandardCharsets.UTF_8));
        Api.Answer tag = other.action("image/tags", Map.of("command", "add", "tag", "theirs", "public_ids", "auth/one"));
        cases += 2;
        Api.Answer still = main.admin("GET", "resources/image/upload/auth/one");
        if (still.status() != 200 || still.body().contains("theirs") || !delete.body().contains("not_found")) {
            passedWrongly++;
            failures.add("tenancy: another cloud changed this cloud's asset: " + delete.body() + " / " + tag.body());
        }
        main.admin("POST", "resources/image/upload/auth/one?tags=after,matrix");
        main.action("image/destroy", Map.of("public_id", "auth/one"));
    }

    /** A second server allowing 10 failures a minute: the 11th locks the address out, right key included. */
    private boolean lockOut() throws Exception {
        DarkroomProcess darkroom = new DarkroomProcess(jar, workDir.resolve("lockout"), Map.of("DARKROOM_AUTH_MAX_FAILURES_PER_MINUTE", "10"));
        darkroom.start(Duration.ofMinutes(3));
        try {
            Api wrong = new Api(darkroom.baseUrl(), DarkroomProcess.CLOUD, DarkroomProcess.KEY, "guess");
            for (int i = 0; i < 10; i++) {
                wrong.admin("GET", "ping");
            }
            Api.Answer eleventh = wrong.admin("GET", "ping");
            Api.Answer right = darkroom.api().admin("GET", "ping");
            Api.Answer signed = darkroom.api().action("image/tags", Map.of("command", "add", "tag", "x", "public_ids", "none"));
            boolean locked = eleventh.status() == 429 && right.status() == 429 && signed.status() == 429
                    && right.body().contains("try again in");
            if (!locked) {
                failures.add("lock-out: after 11 failures answered " + eleventh.status() + ", right key " + right.status()
                        + ", signed call " + signed.status());
            }
            return locked;
        } finally {
            darkroom.stop();
        }
    }

    /** An S3 media source with keys, created, updated and shown: its keys must be nowhere in plaintext afterwards. */
    private void mediaSourceWithKeys(Api main) throws Exception {
        String body = "{\"display_name\":\"bucket\",\"uri_type\":\"s3\",\"config\":{\"s3_bucket_name\":\"b\","
                + "\"s3_access_key\":\"" + S3_ACCESS_KEY + "\",\"s3_secret_key\":\"" + S3_SECRET_KEY + "\"}}";
        Api.Answer created = main.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(main.baseUrl() + "/v1/"
                        + DarkroomProcess.CLOUD + "/media_sources"))
                .header("Authorization", Api.basic(DarkroomProcess.KEY, DarkroomProcess.SECRET)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        cases++;
        if (created.status() != 200 || created.body().contains(S3_SECRET_KEY) || created.body().contains(S3_ACCESS_KEY)) {
            failures.add("media source with keys: answered " + created.status() + " " + created.body());
        }
    }

    /** Every column of every table (bytea decoded, TOAST decompressed by the server) and the log, searched for each secret. */
    private long secretsInDatabaseAndLog(DarkroomProcess darkroom) throws Exception {
        List<String> secrets = List.of(DarkroomProcess.SECRET, OTHER_SECRET, S3_ACCESS_KEY, S3_SECRET_KEY);
        long found = 0;
        List<String> pid = Files.readAllLines(darkroom.dataDir().resolve("postgres/postmaster.pid"));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", "postgres", "");
             Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] raw = rs.getBytes(c);
                            String value = raw == null ? "" : new String(raw, StandardCharsets.UTF_8) + " " + rs.getString(c);
                            for (String secret : secrets) {
                                if (value.contains(secret)) {
                                    found++;
                                    failures.add("secret in plaintext in table " + table);
                                }
                            }
                        }
                    }
                }
            }
        }
        String log = Files.readString(darkroom.log());
        for (String secret : secrets) {
            if (log.contains(secret)) {
                found++;
                failures.add("secret in plaintext in the server log");
            }
        }
        try (Stream<Path> files = Files.walk(darkroom.dataDir().resolve("postgres"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    if (content.contains(secret)) {
                        found++;
                        failures.add("secret in plaintext in database file " + file.getFileName());
                    }
                }
            }
        }
        return found;
    }
}
