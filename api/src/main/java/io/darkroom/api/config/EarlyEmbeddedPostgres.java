package io.darkroom.api.config;

import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the embedded PostgreSQL as soon as the settings are read, on a thread of its own, while Spring builds the rest
 * of the application (about a second of a start, several on the first: extraction and initdb); the
 * {@link EmbeddedDatabaseConfiguration}'s server bean takes it. Registered by {@code main} only: tests start their
 * servers where they are asked for.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    private static volatile Early early;

    private record Early(Path dataDir, String sharedBuffers, CompletableFuture<EmbeddedPostgresServer> server) {
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.isBlank() && !url.equals("embedded-postgresql")) {
            return;
        }
        Path dataDir = dataDir(environment);
        String sharedBuffers = sharedBuffers(environment);
        CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(dataDir, sharedBuffers, binaries(dataDir), false));
            } catch (Throwable failure) {
                server.completeExceptionally(failure);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        Early started = new Early(dataDir, sharedBuffers, server);
        early = started;
        // a start that fails before the server bean takes the server must not leave it running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (early == started) {
                server.thenAccept(EarlyEmbeddedPostgres::closeQuietly);
            }
        }, "embedded-postgres-untaken"));
    }

    private static void closeQuietly(EmbeddedPostgresServer server) {
        try {
            server.close();
        } catch (java.io.IOException | RuntimeException ignored) {
            // the JVM is going down; the next start stops a leftover server anyway
        }
    }

    /** The server started early for these settings, if one was (once: a second caller starts its own). */
    static synchronized Optional<EmbeddedPostgresServer> take(Path dataDir, String sharedBuffers) {
        Early started = early;
        if (started == null || !started.dataDir().equals(dataDir) || !started.sharedBuffers().equals(sharedBuffers)) {
            return Optional.empty();
        }
        early = null;
        return Optional.of(started.server().join());
    }

    /**
     * Where the PostgreSQL binaries are extracted: beside the application when it runs from a jar on disk in a writable
     * directory (the build's extracted layout, {@code api/target/darkroom}, whose training start extracts them, so a
     * newcomer's first start skips about two seconds of decompression); otherwise under the data directory.
     */
    static Path binaries(Path dataDir) {
        try {
            java.security.CodeSource source = EarlyEmbeddedPostgres.class.getProtectionDomain().getCodeSource();
            if (source != null && "file".equals(source.getLocation().getProtocol())) {
                Path jar = Path.of(source.getLocation().toURI());
                if (jar.toString().endsWith(".jar") && java.nio.file.Files.isRegularFile(jar)
                        && java.nio.file.Files.isWritable(jar.getParent())) {
                    return jar.getParent().resolve("postgres-runtime");
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException unusual) {
            // any doubt: the data directory, as always
        }
        return dataDir.resolve("postgres-runtime");
    }

    /** The data directory as {@link DarkroomProperties} binds it (its default included), before the context exists. */
    static Path dataDir(Environment environment) {
        return org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bindOrCreate("darkroom", DarkroomProperties.class).dataDir().toAbsolutePath().normalize();
    }

    static String sharedBuffers(Environment environment) {
        return environment.getProperty("darkroom.database.shared-buffers", "512MB");
    }
}
