package io.darkroom.api;

import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A machine without libvips (here: the library looked up under a name no machine has): Darkroom
 * starts, reports the engine in {@code /actuator/health}, serves originals and every API, and answers
 * derivations and eager uploads with a clear 503, never a 500.
 */
class WithoutLibvipsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void originals_and_apis_work_and_derivations_say_the_engine_is_missing() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "no-vips-");
        try (ConfigurableApplicationContext darkroom = new SpringApplicationBuilder(DarkroomApplication.class).properties(
                "darkroom.data-dir=" + dataDir, "darkroom.clouds[0].url=cloudinary://nv-key:nv-secret@nv-cloud",
                "darkroom.derivation.library=libvips-not-installed-here.so.42").run("--server.port=0")) {
            int port = ((WebServerApplicationContext) darkroom).getWebServer().getPort();
            String base = "http://localhost:" + port;
            var health = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("components").path("imaging").path("status").asText()).isEqualTo("UNKNOWN");

            Cloudinary cloudinary = new Cloudinary("cloudinary://nv-key:nv-secret@nv-cloud?upload_prefix=" + base);
            cloudinary.uploader().upload(TestImages.jpeg(120, 80, 2), ObjectUtils.asMap("public_id", "nv/photo"));
            assertThat(cloudinary.api().resource("nv/photo", ObjectUtils.emptyMap()).get("width")).isEqualTo(120);

            HttpResponse<byte[]> original = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/nv-cloud/image/upload/nv/photo.jpg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(original.statusCode()).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(original.body())).getWidth()).isEqualTo(120);

            HttpResponse<String> derived = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/nv-cloud/image/upload/w_50/nv/photo.jpg")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(derived.statusCode()).isEqualTo(503);
            assertThat(derived.headers().firstValue("X-Cld-Error").orElse("")).contains("libvips is not installed");
            assertThat(derived.body()).contains("\"error\"").doesNotContain("Exception");

            assertThatThrownBy(() -> cloudinary.uploader().upload(TestImages.jpeg(30, 20, 3), ObjectUtils.asMap("public_id", "nv/eager",
                    "eager", List.of(new Transformation().width(10)))))
                    .hasMessageContaining("unavailable");
            HttpResponse<String> notStored = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/nv-cloud/image/upload/nv/eager.jpg")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notStored.statusCode()).as("a refused eager upload stores nothing").isEqualTo(404);
        }
    }
}
