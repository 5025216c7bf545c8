package io.darkroom.ops.reliability;

import io.darkroom.ops.client.Api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real Darkroom: {@code java -jar darkroom.jar} as a separate process with its own data
 * directory, port and environment, its output appended to {@code darkroom.log} there. It can be
 * killed with SIGKILL, stopped gracefully, restarted on the same data, and asked to replay.
 */
public final class DarkroomProcess {
    public static final String CLOUD = "reliability";
    public static final String KEY = "rkey";
    public static final String SECRET = "reliability-secret-7f3a9c21";

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    public DarkroomProcess(Path jar, Path dataDir, Map<String, String> extraEnvironment) throws IOException {
        this.jar = jar;
        this.dataDir = Files.createDirectories(dataDir);
        this.port = freePort();
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("DARKROOM_DATA_DIR", dataDir.toAbsolutePath().toString());
        environment.put("CLOUDINARY_URL", "cloudinary://" + KEY + ":" + SECRET + "@" + CLOUD);
        environment.put("DARKROOM_DEFAULT_HOURLY_LIMIT", "0");
        environment.put("DARKROOM_BLOB_SWEEP_INTERVAL", "500ms");
        environment.put("DARKROOM_UPLOAD_ORPHAN_GRACE", "2s");
        environment.put("DARKROOM_UPLOAD_CHUNK_GRACE", "2s");
        environment.putAll(extraEnvironment);
    }

    public Api api() {
        return new Api(baseUrl(), CLOUD, KEY, SECRET);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    Path log() {
        return dataDir.resolve("darkroom.log");
    }

    /** Starts the server and waits until it answers its health check. */
    public void start(Duration timeout) throws Exception {
        process = command("java", "-Xmx384m", "-jar", jar.toAbsolutePath().toString()).start();
        awaitHealthy(timeout);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Spring's graceful shutdown, which also stops the embedded PostgreSQL. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** {@code java -jar darkroom.jar replay} on the same data (the server must be stopped). */
    void replay() throws Exception {
        Process replay = command("java", "-Xmx384m", "-jar", jar.toAbsolutePath().toString(), "replay").start();
        if (!replay.waitFor(5, TimeUnit.MINUTES) || replay.exitValue() != 0) {
            throw new IllegalStateException("replay failed; see " + log());
        }
    }

    private ProcessBuilder command(String... args) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(args)));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        return builder;
    }

    void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Darkroom exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Darkroom did not become healthy within " + timeout + "; see " + log());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
