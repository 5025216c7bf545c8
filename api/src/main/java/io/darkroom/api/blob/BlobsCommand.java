package io.darkroom.api.blob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.application.blob.BlobStoreSettingsException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar darkroom.jar blobs copy --to s3 [--from DIR] [--parallel 4]}: copies the file store ({@code blobs/}
 * under {@code DARKROOM_DATA_DIR}, or {@code DIR}) into the bucket the {@code DARKROOM_BLOB_S3_*} settings name
 * ({@link BlobCopy}); then switch {@code DARKROOM_BLOB_STORE=s3}. {@code java -jar darkroom.jar blobs verify [--url
 * http://localhost:8080]}: asks a running node (operator token in {@code DARKROOM_OPERATOR_TOKEN}) which referenced
 * blobs its store lacks and which stored ones nothing references; exit 1 when any is missing.
 */
public final class BlobsCommand {
    private BlobsCommand() {
    }

    public static int run(String[] args) throws Exception {
        if (args.length < 2 || !List.of("copy", "verify").contains(args[1])) {
            System.err.println("Usage: blobs copy --to s3 [--from DIR] [--parallel 4]  |  blobs verify [--url http://localhost:8080]");
            return 2;
        }
        List<String> springArgs = new ArrayList<>();
        String from = null;
        String to = null;
        String url = "http://localhost:8080";
        int parallel = 4;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = args[++i];
                case "--from" -> from = args[++i];
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--url" -> url = args[++i];
                default -> springArgs.add(args[i]);
            }
        }
        return args[1].equals("verify") ? verify(url) : copy(to, from, parallel, springArgs.toArray(String[]::new));
    }

    private static int copy(String to, String from, int parallel, String[] settings) throws Exception {
        if (!"s3".equals(to)) {
            System.err.println("blobs copy copies a file store into a bucket: --to s3 (with the DARKROOM_BLOB_S3_* settings)");
            return 2;
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(settings));
        Binder binder = Binder.get(environment);
        BlobProperties blob = binder.bind("darkroom.blob", BlobProperties.class).orElse(new BlobProperties(null, null));
        Path source = from != null ? Path.of(from)
                : binder.bind("darkroom.data-dir", Path.class).orElse(Path.of("data")).toAbsolutePath().resolve("blobs");
        try {
            return new BlobCopy(source.toAbsolutePath().normalize(), BlobConfiguration.openBucket(blob.s3()), parallel, System.out).run() == 0 ? 0 : 1;
        } catch (BlobStoreSettingsException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static int verify(String url) throws Exception {
        String token = System.getenv("DARKROOM_OPERATOR_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set DARKROOM_OPERATOR_TOKEN to the token the node was started with");
            return 2;
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/ops/blobs/verify"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            System.err.println("Refused (" + answer.statusCode() + "): " + answer.body());
            return 1;
        }
        JsonNode report = new ObjectMapper().readTree(answer.body());
        System.out.printf("%,d blobs stored, %,d referenced, %,d awaiting removal%n", report.path("stored").asLong(),
                report.path("referenced").asLong(), report.path("awaiting_removal").asLong());
        System.out.printf("missing (referenced, not stored): %,d%n", report.path("missing_count").asLong());
        report.path("missing").forEach(key -> System.out.println("  " + key.asText()));
        System.out.printf("unreferenced (stored, nothing refers to them): %,d%n", report.path("unreferenced_count").asLong());
        report.path("unreferenced").forEach(key -> System.out.println("  " + key.asText()));
        return report.path("missing_count").asLong() == 0 ? 0 : 1;
    }
}
