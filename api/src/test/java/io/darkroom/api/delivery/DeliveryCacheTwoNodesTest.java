package io.darkroom.api.delivery;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomApplication;
import io.darkroom.api.TestImages;
import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
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

/**
 * Two Darkroom nodes on one PostgreSQL and one blob folder: each answers repeated deliveries from
 * its own cache, and a delete on one node stops both from serving the asset: the deleting node at
 * once, the other within its cache sync interval.
 */
class DeliveryCacheTwoNodesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext node(EmbeddedPostgresServer database, Path dataDir) {
        return new SpringApplicationBuilder(DarkroomApplication.class).properties(
                "darkroom.data-dir=" + dataDir, "darkroom.clouds[0].url=cloudinary://two-key:two-secret@two-cloud",
                "spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=postgres",
                "spring.datasource.password=unused", "darkroom.delivery-cache.sync-interval=200ms").run("--server.port=0");
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void both_nodes_serve_from_their_caches_and_a_delete_on_one_reaches_the_other() throws Exception {
        Path databaseDir = Files.createTempDirectory(Path.of("target"), "two-nodes-pg-");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "two-nodes-data-");
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(databaseDir.toAbsolutePath());
             ConfigurableApplicationContext a = node(database, dataDir);
             ConfigurableApplicationContext b = node(database, dataDir)) {
            Cloudinary cloudinary = new Cloudinary("cloudinary://two-key:two-secret@two-cloud?upload_prefix=" + base(a));
            cloudinary.uploader().upload(TestImages.jpeg(200, 100, 9), ObjectUtils.asMap("public_id", "two/photo"));
            String path = "/two-cloud/image/upload/c_scale,w_50/two/photo.jpg";
            for (ConfigurableApplicationContext node : List.of(a, b)) {
                HttpResponse<byte[]> first = get(base(node) + path);
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(ImageIO.read(new ByteArrayInputStream(first.body())).getWidth()).isEqualTo(50);
                HttpResponse<byte[]> again = get(base(node) + path);
                assertThat(again.headers().firstValue("X-Darkroom-Cache")).hasValue("hit");
                assertThat(again.body()).isEqualTo(first.body());
                assertThat(get(base(node) + "/two-cloud/image/upload/two/photo.jpg").statusCode()).isEqualTo(200);
            }

            // simultaneous first requests for one new derivative on both nodes make one derived file
            String raced = "/two-cloud/image/upload/c_fill,h_40,w_40/two/photo.jpg";
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<HttpResponse<byte[]>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String node = base(i % 2 == 0 ? a : b);
                answers.add(pool.submit(() -> get(node + raced)));
            }
            java.util.Set<String> etags = new java.util.HashSet<>();
            for (var answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                etags.add(answer.get().headers().firstValue("ETag").orElseThrow());
            }
            pool.shutdown();
            assertThat(etags).hasSize(1);
            List<?> derived = (List<?>) cloudinary.api().resource("two/photo", ObjectUtils.emptyMap()).get("derived");
            assertThat(derived.stream().filter(d -> ((java.util.Map<?, ?>) d).get("transformation").equals("c_fill,h_40,w_40")).count())
                    .as("one derived file for eight simultaneous first requests on two nodes").isEqualTo(1);

            new Cloudinary("cloudinary://two-key:two-secret@two-cloud?upload_prefix=" + base(b)).api()
                    .deleteResources(List.of("two/photo"), ObjectUtils.emptyMap());
            assertThat(get(base(b) + path).statusCode()).as("the deleting node, at once").isEqualTo(404);
            long start = System.nanoTime();
            int status = 200;
            while (status == 200 && System.nanoTime() - start < 5_000_000_000L) {
                Thread.sleep(20);
                status = get(base(a) + path).statusCode();
            }
            assertThat(status).as("the other node, after its sync").isEqualTo(404);
            assertThat(get(base(a) + "/two-cloud/image/upload/two/photo.jpg").statusCode()).isEqualTo(404);
        }
    }
}
