package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The object store stopped under load: clients upload without pause while the bucket's server (S3Proxy) is killed for
 * {@code outage} and started again. Every answer must be a success or the JSON 503; the health shows the blob store down
 * during the outage while a delivery cached before it goes on; uploads succeed again without restarting Darkroom; and
 * every acknowledged upload is delivered whole afterwards.
 */
final class BlobOutageScenario {
    record Result(long recoveryMillis, long failedRequests, long slowestFailureMillis, int acked, List<String> failures) {
    }

    private final Path jar;
    private final Path workDir;
    private final ObjectStore store;
    private final int clients;
    private final Duration outage;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<String, String> acked = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong slowestFailure = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();

    BlobOutageScenario(Path jar, Path workDir, ObjectStore store, int clients, Duration outage) {
        this.jar = jar;
        this.workDir = workDir;
        this.store = store;
        this.clients = clients;
        this.outage = outage;
    }

    Result run() throws Exception {
        DarkroomProcess darkroom = new DarkroomProcess(jar, workDir.resolve("data"),
                store.environment("outage-" + Long.toHexString(System.nanoTime())));
        darkroom.start(Duration.ofMinutes(3));
        long recovery = -1;
        try {
            Api api = darkroom.api();
            Api.Answer first = api.upload(Map.of("public_id", "outage/cached"), CrashScenario.randomPng(), "cached.png");
            String cachedUrl = first.json().path("url").asText();
            api.bytes(cachedUrl);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> workers = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread worker = new Thread(() -> uploadUntilStopped(api, running));
                worker.start();
                workers.add(worker);
            }
            Thread.sleep(3_000);
            store.stop();
            Thread.sleep(1_000);
            Api.Answer health = api.get(darkroom.baseUrl() + "/actuator/health");
            if (health.status() != 503 || !health.body().contains("\"blobStore\":{\"status\":\"DOWN\"")) {
                failures.add("blob outage: health answered " + health.status() + " " + health.body());
            }
            if (api.bytes(cachedUrl) == null) {
                failures.add("blob outage: a delivery cached before the outage was not served during it");
            }
            Thread.sleep(Math.max(0, outage.toMillis() - 1_000));
            store.start();
            long restarted = System.currentTimeMillis();
            while (lastSuccess.get() < restarted && System.currentTimeMillis() - restarted < 30_000) {
                Thread.sleep(20);
            }
            recovery = lastSuccess.get() >= restarted ? lastSuccess.get() - restarted : -1;
            if (recovery < 0) {
                failures.add("blob outage: no upload succeeded within 30 s of the store's return");
            }
            Thread.sleep(2_000);
            running.set(false);
            for (Thread worker : workers) {
                worker.join();
            }
            for (Map.Entry<String, String> upload : acked.entrySet()) {
                byte[] delivered = api.bytes(upload.getKey());
                if (delivered == null || !CrashScenario.sha256(delivered).equals(upload.getValue())) {
                    failures.add("blob outage: acknowledged " + upload.getKey() + " delivered " + (delivered == null ? "nothing" : "other bytes"));
                }
            }
            if (api.get(darkroom.baseUrl() + "/actuator/health").status() != 200) {
                failures.add("blob outage: health still down after the store returned");
            }
        } finally {
            darkroom.stop();
        }
        return new Result(recovery, failed.get(), slowestFailure.get(), acked.size(), failures);
    }

    private void uploadUntilStopped(Api api, AtomicBoolean running) {
        while (running.get()) {
            long started = System.currentTimeMillis();
            try {
                byte[] image = CrashScenario.randomPng();
                Api.Answer answer = api.upload(Map.of(), image, "load.png");
                long took = System.currentTimeMillis() - started;
                if (answer.status() == 200) {
                    acked.put(answer.json().path("url").asText(), CrashScenario.sha256(image));
                    lastSuccess.accumulateAndGet(System.currentTimeMillis(), Math::max);
                } else if (answer.status() == 503 && answer.contentType().startsWith("application/json")
                        && answer.json().path("error").path("message").asText().equals("The blob store is unavailable; try again shortly")) {
                    failed.incrementAndGet();
                    slowestFailure.accumulateAndGet(took, Math::max);
                } else {
                    failures.add("blob outage: an upload answered " + answer.status() + " " + answer.contentType() + " " + answer.body());
                }
            } catch (Exception e) {
                failures.add("blob outage: an upload failed without an answer: " + e);
            }
        }
    }
}
