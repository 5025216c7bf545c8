package io.darkroom.ops.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.darkroom.ops.client.Api;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Concurrent clients upload, tag, delete (into the trash) and restore while the server is killed with SIGKILL at a
 * random moment, then restarted; after each round every acknowledged write must be there exactly once
 * (event store and read models), the read models (listing, audit, trash) must equal a rebuild from the event store,
 * every live resource's file must hold its bytes, every acknowledged deletion must be in the trash with its bytes
 * whole (none removed before the retention), a restored asset must be delivered with its own bytes, and no file may
 * outlive both its resource and the trash.
 * Writes without an answer (in flight at the kill) may go either way and are only checked for
 * consistency. Some uploads are chunked (two parts of a 6-7 MB image): every listed chunked asset,
 * acknowledged or not, must hold one whole file, and no part may outlive the chunk grace period.
 * One class on purpose: a scenario reads top to bottom as the story it checks (clients, kill, restart, checks).
 */
final class CrashScenario {
    enum State { ALIVE, DELETED, UNCERTAIN }

    static final class Asset {
        final String publicId;
        final String assetId;
        final String sha256;
        final Set<String> ackedTags = ConcurrentHashMap.newKeySet();
        final AtomicInteger ackedDeletes = new AtomicInteger();
        final AtomicInteger ackedRestores = new AtomicInteger();
        volatile State state = State.ALIVE;
        volatile int touchedInRound;

        Asset(String publicId, String assetId, String sha256, int round) {
            this.publicId = publicId;
            this.assetId = assetId;
            this.sha256 = sha256;
            this.touchedInRound = round;
        }
    }

    record Result(int roundsSurvived, int rounds, long ackedWrites, long chunkedUploads, long restores, long lost,
                  List<String> failures) {
    }

    private final DarkroomProcess darkroom;
    private final int clients;
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** Images sent as chunked uploads, and the SHA-256 of each: a listed chunked asset must be one of them whole. */
    private final List<byte[]> largeImages = new ArrayList<>();
    private final Set<String> largeImageHashes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger chunkedAcked = new AtomicInteger();
    private long ackedWrites;
    private long lost;
    private final AtomicInteger restoresAcked = new AtomicInteger();

    /** Counts the blobs of the Darkroom under test: its {@code blobs/} directory, or its prefix in a bucket. */
    interface BlobCount {
        long count() throws Exception;
    }

    private final BlobCount blobCount;

    CrashScenario(DarkroomProcess darkroom, int clients) {
        this(darkroom, clients, () -> {
            Path blobs = darkroom.dataDir().resolve("blobs");
            try (Stream<Path> walk = Files.walk(blobs)) {
                return walk.filter(Files::isRegularFile).count();
            }
        });
    }

    CrashScenario(DarkroomProcess darkroom, int clients, BlobCount blobCount) {
        this.darkroom = darkroom;
        this.clients = clients;
        this.blobCount = blobCount;
    }

    Result run(int rounds) throws Exception {
        for (int i = 0; i < 3; i++) {
            byte[] image = noisePng(1400, 1300 + i);
            largeImages.add(image);
            largeImageHashes.add(sha256(image));
        }
        darkroom.start(Duration.ofMinutes(3));
        int survived = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                int failuresBefore = failures.size();
                long ackedBefore = ackedWrites;
                writeAndKill(round);
                darkroom.start(Duration.ofMinutes(3));
                verify(round);
                if (failures.size() == failuresBefore) {
                    survived++;
                }
                System.out.printf("crash round %d: %d acknowledged writes, %d failures so far%n", round, ackedWrites - ackedBefore,
                        failures.size());
            }
        } finally {
            darkroom.stop();
        }
        return new Result(survived, rounds, ackedWrites, chunkedAcked.get(), restoresAcked.get(), lost, failures);
    }

    private void writeAndKill(int round) throws Exception {
        Api api = darkroom.api();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger acked = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    try {
                        if (writeOnce(api, round)) {
                            acked.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (!running.get()) {
                            return;
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(1500, 4000));
        darkroom.kill();
        running.set(false);
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        ackedWrites += acked.get();
    }

    /** One random write; true when it was acknowledged. */
    private boolean writeOnce(Api api, int round) throws Exception {
        List<Asset> alive = assets.values().stream().filter(a -> a.state == State.ALIVE).toList();
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 6) {
            return chunkedUpload(api, round);
        }
        if (dice >= 92) {
            List<Asset> trashed = assets.values().stream().filter(a -> a.state == State.DELETED).toList();
            if (!trashed.isEmpty()) {
                return restore(api, round, trashed.get(ThreadLocalRandom.current().nextInt(trashed.size())));
            }
        }
        if (alive.size() < 10 || dice < 45) {
            return upload(api, round);
        }
        Asset target = alive.get(ThreadLocalRandom.current().nextInt(alive.size()));
        if (dice < 85) {
            return tag(api, round, target);
        }
        return delete(api, round, target);
    }

    private boolean upload(Api api, int round) throws Exception {
        String publicId = "crash/r" + round + "/" + counter.incrementAndGet();
        byte[] png = randomPng();
        Api.Answer answer;
        try {
            answer = api.upload(Map.of("public_id", publicId), png, "p.png");
        } catch (IOException inFlight) {
            throw inFlight;
        }
        if (answer.status() != 200) {
            return false;
        }
        JsonNode json = answer.json();
        assets.put(publicId, new Asset(publicId, json.path("asset_id").asText(), sha256(png), round));
        return true;
    }

    /** A chunked upload in two parts, Node-style (total -1 on the first part). */
    private boolean chunkedUpload(Api api, int round) throws Exception {
        String publicId = CHUNKED_PREFIX + round + "/" + counter.incrementAndGet();
        byte[] image = largeImages.get(ThreadLocalRandom.current().nextInt(largeImages.size()));
        String uploadId = java.util.UUID.randomUUID().toString();
        int part = 5_000_000;
        Api.Answer first = api.upload("image", Map.of("public_id", publicId), image, 0, part, "large.png",
                Map.of("X-Unique-Upload-Id", uploadId, "Content-Range", "bytes 0-" + (part - 1) + "/-1"));
        if (first.status() != 200) {
            return false;
        }
        Api.Answer last = api.upload("image", Map.of("public_id", publicId), image, part, image.length - part, "large.png",
                Map.of("X-Unique-Upload-Id", uploadId, "Content-Range", "bytes " + part + "-" + (image.length - 1) + "/" + image.length));
        if (last.status() != 200) {
            return false;
        }
        check(last.json().path("bytes").asLong() == image.length, "chunked upload answered " + last.json().path("bytes")
                + " bytes for a " + image.length + "-byte file: " + publicId);
        assets.put(publicId, new Asset(publicId, last.json().path("asset_id").asText(), sha256(image), round));
        chunkedAcked.incrementAndGet();
        return true;
    }

    private static final String CHUNKED_PREFIX = "crash/chunked/r";

    private boolean tag(Api api, int round, Asset target) throws Exception {
        String tag = "k" + counter.incrementAndGet();
        target.touchedInRound = round;
        Api.Answer answer = api.action("image/tags", Map.of("command", "add", "tag", tag, "public_ids", target.publicId));
        if (answer.status() == 200 && answer.json().path("public_ids").toString().contains("\"" + target.publicId + "\"")) {
            target.ackedTags.add(tag);
            return true;
        }
        return false;
    }

    private boolean delete(Api api, int round, Asset target) throws Exception {
        target.touchedInRound = round;
        target.state = State.UNCERTAIN;
        Api.Answer answer = api.action("image/destroy", Map.of("public_id", target.publicId));
        if (answer.status() == 200 && "ok".equals(answer.json().path("result").asText())) {
            target.ackedDeletes.incrementAndGet();
            target.state = State.DELETED;
            return true;
        }
        if (answer.status() == 200) {
            failures.add("destroy of a live resource answered " + answer.body() + ": " + target.publicId);
        }
        return false;
    }

    /** Out of the trash by asset id, as the SDKs' restoreByAssetIds sends it; its name is free (crash names are unique). */
    private boolean restore(Api api, int round, Asset target) throws Exception {
        if (!claim(target)) {
            return false;
        }
        target.touchedInRound = round;
        Api.Answer answer = api.adminJson("POST", "resources/restore", "{\"asset_ids\":[\"" + target.assetId + "\"]}");
        if (answer.status() == 200 && target.assetId.equals(answer.json().path(target.assetId).path("asset_id").asText())) {
            target.ackedRestores.incrementAndGet();
            restoresAcked.incrementAndGet();
            target.state = State.ALIVE;
            return true;
        }
        if (answer.status() == 200) {
            failures.add("restore of a trashed resource answered " + answer.body() + ": " + target.publicId);
            target.state = State.DELETED;
        }
        return false;
    }

    /** One client at a time restores an asset: it leaves DELETED for UNCERTAIN while the call runs. */
    private static synchronized boolean claim(Asset target) {
        if (target.state != State.DELETED) {
            return false;
        }
        target.state = State.UNCERTAIN;
        return true;
    }

    private void verify(int round) throws Exception {
        Api api = darkroom.api();
        Snapshot live = Snapshot.take(api);
        check(live.duplicates().isEmpty(), "round " + round + ": listed twice: " + live.duplicates());
        for (Asset asset : assets.values()) {
            JsonNode listed = live.resources().get(asset.publicId);
            if (asset.state == State.ALIVE) {
                if (listed == null || !asset.assetId.equals(listed.path("asset_id").asText())) {
                    lost++;
                    failures.add("round " + round + ": acknowledged upload missing from the listing: " + asset.publicId);
                    continue;
                }
                Set<String> tags = new java.util.HashSet<>();
                listed.path("tags").forEach(t -> tags.add(t.asText()));
                for (String tag : asset.ackedTags) {
                    if (!tags.contains(tag)) {
                        lost++;
                        failures.add("round " + round + ": acknowledged tag " + tag + " missing on " + asset.publicId);
                    }
                }
                if (asset.touchedInRound == round) {
                    byte[] bytes = api.bytes(listed.path("secure_url").asText(listed.path("url").asText()));
                    check(bytes != null && sha256(bytes).equals(asset.sha256), "round " + round + ": file of " + asset.publicId
                            + " missing or different");
                }
            } else if (asset.state == State.DELETED) {
                if (listed != null) {
                    lost++;
                    failures.add("round " + round + ": acknowledged delete still listed: " + asset.publicId);
                }
                if (!live.trash().contains(asset.assetId)) {
                    lost++;
                    failures.add("round " + round + ": acknowledged delete missing from the trash: " + asset.publicId);
                } else if (asset.touchedInRound == round) {
                    checkTrashedBytes(api, round, asset);
                }
            }
            if (asset.touchedInRound == round && asset.state != State.UNCERTAIN) {
                checkHistory(api, round, asset);
            }
        }
        checkChunkedAssetsAreWhole(api, round, live);
        darkroom.stop();
        darkroom.replay();
        darkroom.start(Duration.ofMinutes(3));
        Snapshot rebuilt = Snapshot.take(api);
        check(rebuilt.resources().equals(live.resources()), "round " + round + ": listing differs from its rebuild");
        check(rebuilt.audit().equals(live.audit()), "round " + round + ": audit trail differs from its rebuild ("
                + live.audit().size() + " live, " + rebuilt.audit().size() + " rebuilt)");
        check(rebuilt.trash().equals(live.trash()), "round " + round + ": trash differs from its rebuild ("
                + live.trash().size() + " live, " + rebuilt.trash().size() + " rebuilt)");
        checkBlobFiles(round, rebuilt.resources().size() + rebuilt.trash().size());
    }

    /** The event store holds each acknowledged write exactly once. */
    private void checkHistory(Api api, int round, Asset asset) throws Exception {
        Api.Answer answer = api.admin("GET", "resources/by_asset_id/" + asset.assetId + "/history");
        if (answer.status() != 200) {
            lost++;
            failures.add("round " + round + ": no history for " + asset.publicId + ": " + answer.status());
            return;
        }
        int uploads = 0;
        int deletions = 0;
        int restores = 0;
        Map<String, Integer> tagAdds = new java.util.HashMap<>();
        for (JsonNode event : answer.json().path("history")) {
            switch (event.path("event").asText()) {
                case "ResourceUploaded" -> uploads++;
                case "ResourceDeleted" -> deletions++;
                case "ResourceRestored" -> restores++;
                case "ResourceTagsChanged" -> event.path("changes").path("added").forEach(t -> tagAdds.merge(t.asText(), 1, Integer::sum));
                default -> { }
            }
        }
        check(uploads == 1, "round " + round + ": " + uploads + " upload events for " + asset.publicId);
        check(deletions == asset.ackedDeletes.get(), "round " + round + ": " + deletions + " deletions of " + asset.publicId
                + " (" + asset.ackedDeletes.get() + " acknowledged)");
        check(restores == asset.ackedRestores.get(), "round " + round + ": " + restores + " restores of " + asset.publicId
                + " (" + asset.ackedRestores.get() + " acknowledged)");
        for (String tag : asset.ackedTags) {
            check(tagAdds.getOrDefault(tag, 0) == 1, "round " + round + ": tag " + tag + " added " + tagAdds.getOrDefault(tag, 0)
                    + " times on " + asset.publicId);
        }
    }

    /** A trashed asset's bytes are whole until its retention: read back through the history's signed link. */
    private void checkTrashedBytes(Api api, int round, Asset asset) throws Exception {
        Api.Answer history = api.admin("GET", "resources/by_asset_id/" + asset.assetId + "/history");
        String link = null;
        for (JsonNode step : history.json().path("history")) {
            if (step.has("download_url")) {
                link = step.path("download_url").asText();
            }
        }
        byte[] bytes = link == null ? null : api.bytes(link);
        check(bytes != null && sha256(bytes).equals(asset.sha256), "round " + round + ": trashed bytes of " + asset.publicId
                + (link == null ? " not restorable" : " missing or different"));
    }

    /** Every listed chunked asset, acknowledged or in flight at the kill, holds one of the files whole. */
    private void checkChunkedAssetsAreWhole(Api api, int round, Snapshot live) throws Exception {
        for (Map.Entry<String, JsonNode> listed : live.resources().entrySet()) {
            if (listed.getKey().startsWith(CHUNKED_PREFIX + round + "/")) {
                byte[] bytes = api.bytes(listed.getValue().path("url").asText());
                check(bytes != null && largeImageHashes.contains(sha256(bytes)), "round " + round
                        + ": chunked asset " + listed.getKey() + " holds " + (bytes == null ? "no file" : "a partial or mixed file ("
                        + bytes.length + " bytes)"));
            }
        }
    }

    /**
     * One blob per live or trashed resource (each has one version) once the sweeper has run: no trashed bytes removed
     * before the retention, and no part outlives the chunk grace.
     */
    private void checkBlobFiles(int round, int liveResources) throws Exception {
        long files = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        do {
            files = blobCount.count();
            if (files == liveResources) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        failures.add("round " + round + ": " + files + " blob files for " + liveResources + " live resources");
    }

    private void check(boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
    }

    static byte[] randomPng() throws IOException {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG of random pixels (about 3 bytes per pixel: it hardly compresses). */
    static byte[] noisePng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
