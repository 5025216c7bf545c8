package io.darkroom.api;

import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.utils.ObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first start: no cloud configured, so Darkroom makes one and prints its URL; that line, pasted into the
 * official Java SDK as it is, uploads, and the delivery URL the SDK then builds is served by Darkroom.
 */
class FirstStartTest {
    @Test
    void the_printed_cloudinary_url_pasted_into_the_sdk_uploads_and_delivers() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "first-start-");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        ConfigurableApplicationContext context;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            context = new SpringApplicationBuilder(DarkroomApplication.class)
                    .properties("darkroom.data-dir=" + dataDir, "darkroom.cloudinary-url=").run("--server.port=0");
        } finally {
            System.setOut(original);
        }
        try (context) {
            String printed = console.toString(StandardCharsets.UTF_8);
            String port = context.getEnvironment().getProperty("local.server.port");
            assertThat(printed).contains("Darkroom is ready on http://localhost:" + port);
            String line = printed.lines().filter(l -> l.startsWith("CLOUDINARY_URL=")).findFirst().orElseThrow();

            Cloudinary cloudinary = new Cloudinary(line.substring("CLOUDINARY_URL=".length()));
            Map<?, ?> uploaded = cloudinary.uploader().upload(TestImages.png(160, 120, 4), ObjectUtils.asMap("public_id", "welcome/tile"));
            assertThat(uploaded.get("width")).isEqualTo(160);
            String url = cloudinary.url().transformation(new Transformation().width(80).crop("scale")).format("png").generate("welcome/tile");
            assertThat(url).startsWith("http://localhost:" + port + "/" + cloudinary.config.cloudName + "/image/upload/c_scale,w_80/");
            HttpResponse<byte[]> delivered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(delivered.statusCode()).isEqualTo(200);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(delivered.body()));
            assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(80, 60);
        }
    }
}
