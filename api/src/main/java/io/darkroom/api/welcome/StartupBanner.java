package io.darkroom.api.welcome;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.cloud.Cloud;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The few lines a person starting Darkroom needs, printed once it serves: its address, where the data lives, and, when
 * this start created the cloud, the {@code CLOUDINARY_URL} to paste into an SDK (ready for uploads, the Admin API and
 * delivery URLs, see {@link SdkCloudUrl}). The secret exists nowhere else in plain text, so if the start fails after the
 * cloud was made, the URL is printed as the context goes down rather than lost.
 */
@Component
public class StartupBanner implements DisposableBean {
    private final DarkroomProperties properties;
    private final Environment environment;
    private final PrintStream console;
    private volatile Cloud created;
    private volatile boolean cloudShown;

    public StartupBanner(DarkroomProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.console = System.out;
    }

    public void cloudCreated(Cloud cloud) {
        this.created = cloud;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort()
                : environment.getProperty("server.port", Integer.class, 8080);
        String address = address(port);
        String base = properties.publicBaseUrl() == null || properties.publicBaseUrl().isBlank() ? address : properties.publicBaseUrl();
        // from the JVM's start, not the context's: what the person waited
        Duration took = Duration.ofMillis(System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        StringBuilder text = new StringBuilder("\nDarkroom is ready on ").append(address)
                .append(String.format(" (started in %.1f s)", took.toMillis() / 1000.0)).append('\n');
        Path data = properties.dataDir().toAbsolutePath().normalize();
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            text.append("  data:  ").append(data).append(" (embedded PostgreSQL, its log: ").append(data.resolve("postgres.log")).append(")\n");
        } else {
            text.append("  data:  ").append(data).append(" (local files) and PostgreSQL at ").append(environment.getProperty("spring.datasource.url"))
                    .append('\n');
        }
        if ("s3".equalsIgnoreCase(environment.getProperty("darkroom.blob.store", "file").trim())) {
            String prefix = environment.getProperty("darkroom.blob.s3.prefix", "");
            text.append("  blobs: bucket ").append(environment.getProperty("darkroom.blob.s3.bucket", "")).append(" at ")
                    .append(environment.getProperty("darkroom.blob.s3.endpoint", "AWS"))
                    .append(prefix.isBlank() ? "" : ", keys under " + prefix).append('\n');
        }
        text.append("  open:  ").append(address).append("/console for the console, ").append(address)
                .append("/ for the APIs, health and metrics\n");
        console.print(text);
        printCloud(base);
    }

    @Override
    public void destroy() {
        printCloud(address(environment.getProperty("server.port", Integer.class, 8080)));
    }

    private synchronized void printCloud(String base) {
        Cloud cloud = created;
        if (cloud == null || cloudShown) {
            return;
        }
        cloudShown = true;
        console.println("Darkroom created a cloud for you. Keep this URL, it is shown only once; give it to an official SDK as is:");
        console.println("CLOUDINARY_URL=" + SdkCloudUrl.of(cloud.name(), cloud.apiKey(), cloud.apiSecret(), base, null));
        console.println();
    }

    private String address(int port) {
        return (tls() ? "https" : "http") + "://localhost:" + port;
    }

    private boolean tls() {
        return environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || (!environment.getProperty("server.ssl.enabled", "").equals("false")
                && (environment.containsProperty("server.ssl.key-store") || environment.containsProperty("server.ssl.certificate")));
    }
}
