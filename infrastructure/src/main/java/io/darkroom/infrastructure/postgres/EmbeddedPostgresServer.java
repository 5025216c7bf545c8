package io.darkroom.infrastructure.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact, with its data
 * under {@code <dataDir>/postgres} so that a stop and a start keep everything. The binaries
 * are extracted under {@code <dataDir>/postgres-runtime} (or a directory the caller names), not the shared temporary
 * directory; the server's output goes to {@code <dataDir>/postgres.log}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** With PostgreSQL's own default buffer pool (128 MB), which suits small and test databases. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, "128MB");
    }

    /**
     * @param sharedBuffers PostgreSQL's buffer pool ({@code shared_buffers}, e.g. {@code 512MB}): when the
     *                      pages that writes touch do not fit, every statement reads pages from the kernel
     *                      and writes dirty ones out itself
     */
    public static EmbeddedPostgresServer start(Path dataDir, String sharedBuffers) {
        return start(dataDir, sharedBuffers, dataDir.resolve("postgres-runtime"), true);
    }

    /**
     * @param binaries    where the PostgreSQL binaries are extracted (once: a later start finds them there), for example
     *                    beside the application so that every data directory shares one copy
     * @param stopWithJvm whether a JVM shutdown hook of its own stops the server; false when the caller closes it in order
     *                    (Spring closes it after the pools and processors that use it: with both hooks running at once,
     *                    every stop printed connection errors)
     */
    public static EmbeddedPostgresServer start(Path dataDir, String sharedBuffers, Path binaries, boolean stopWithJvm) {
        try {
            Path data = dataDir.resolve("postgres");
            Path runtime = binaries;
            Files.createDirectories(data);
            Files.createDirectories(runtime);
            stopLeftoverServer(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopWithJvm)
                    // initdb's and the server's output go to a log file of their own, not the console
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    // the library defaults suit throwaway test databases (fsync off); this one keeps data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            LOG.debug("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A Darkroom process killed with SIGKILL leaves its PostgreSQL running (nothing ran its
     * shutdown hook), and that server's lock file would make every later start fail. When the
     * lock file names a live postgres on this very data directory, that server is asked to shut
     * down (its clients died with the old process, so it has nothing to wait for); it checkpoints
     * and the new start finds a clean directory. A lock file of a dead process is left to
     * PostgreSQL, which replaces stale ones itself.
     */
    static void stopLeftoverServer(Path data) throws IOException {
        Path lockFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(lockFile);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")
                || !Path.of(lines.get(1).trim()).toAbsolutePath().equals(data.toAbsolutePath())) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle server = leftover.get();
        LOG.warn("Stopping PostgreSQL pid {} left running on {} by an earlier process", server.pid(), data);
        server.destroy();
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("PostgreSQL pid {} did not stop within 60 s; killing it (the next start recovers from its WAL)", server.pid());
            server.destroyForcibly();
            server.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping a leftover PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("Could not stop a leftover PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
