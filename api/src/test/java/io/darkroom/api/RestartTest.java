package io.darkroom.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop and a start keep every resource: two runs of the real application on one data
 * directory, each starting (and stopping) its own embedded PostgreSQL there. The second run
 * is given no cloud configuration: it serves the cloud from its table, whose secret it can
 * only decrypt with the master key the first run generated into the data directory.
 */
class RestartTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext start(Path dataDir, boolean configureCloud) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(DarkroomApplication.class)
                .properties("darkroom.data-dir=" + dataDir, "darkroom.cloudinary-url=");
        if (configureCloud) {
            builder.properties("darkroom.clouds[0].url=cloudinary://restart-key:restart-secret@restart-cloud");
        }
        // a command-line argument, because application.properties' ${SERVER_PORT:8080} beats builder defaults
        return builder.run("--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void resources_and_credentials_survive_a_restart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        String firstBody;
        try (ConfigurableApplicationContext first = start(dataDir, true)) {
            int port = port(first);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("file", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(TestImages.png(12, 9, 1)));
            params.put("public_id", "kept/forever");
            params.put("tags", "kept");
            params.put("timestamp", String.valueOf(java.time.Instant.now().getEpochSecond()));
            params.put("api_key", "restart-key");
            params.put("signature", io.darkroom.application.cloud.UploadSignature.sign(
                    Map.of("public_id", List.of("kept/forever"), "tags", List.of("kept"), "timestamp", List.of(params.get("timestamp"))),
                    "restart-secret", "SHA-1"));
            HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1_1/restart-cloud/image/upload"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(DarkroomIntegrationTest.form(params))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
            firstBody = list(port);
            assertThat(firstBody).contains("kept/forever");
        }
        try (ConfigurableApplicationContext second = start(dataDir, false)) {
            assertThat(list(port(second))).isEqualTo(firstBody.replace(":" + portOf(firstBody), ":" + port(second)));
        }
    }

    private static String portOf(String body) {
        int at = body.indexOf("http://localhost:") + "http://localhost:".length();
        return body.substring(at, body.indexOf('/', at));
    }

    private static String list(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/v1_1/restart-cloud/resources/image?tags=true"))
                .header("Authorization", DarkroomIntegrationTest.basic("restart-key", "restart-secret")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
