package io.darkroom.api.rebuild;

import com.cloudinary.Cloudinary;
import com.cloudinary.Transformation;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomApplication;
import io.darkroom.api.TestImages;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online rebuilds over HTTP on a node that keeps serving: after a mixed history over several days
 * (uploads, a chunked upload, updates, renames, deletes, derivations, eager, deliveries, named
 * transformations) a rebuild of every read model from scratch equals the live ones; verify reports
 * a row the live model lost; a switch made while uploads keep arriving repairs it and loses none of them.
 */
class OnlineRebuildTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "operator-token-for-tests";

    private static JsonNode rebuild(String base, String mode) throws Exception {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ops/rebuild?projections=all&mode=" + mode))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode status = JSON.readTree(started.body());
        while (status.path("state").asText().equals("running") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ops/rebuild"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("done");
        return status;
    }

    private static void day(String day) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void rebuilt_equals_live_verify_finds_drift_and_a_switch_under_load_loses_nothing() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "rebuild-");
        try (ConfigurableApplicationContext darkroom = new SpringApplicationBuilder(DarkroomApplication.class).properties(
                "darkroom.data-dir=" + dataDir, "darkroom.clouds[0].url=cloudinary://rb-key:rb-secret@rb-cloud",
                "darkroom.operator-token=" + TOKEN, "darkroom.default-hourly-limit=0").run("--server.port=0")) {
            int port = ((WebServerApplicationContext) darkroom).getWebServer().getPort();
            String base = "http://localhost:" + port;
            Cloudinary cloudinary = new Cloudinary("cloudinary://rb-key:rb-secret@rb-cloud?upload_prefix=" + base);
            try {
                day("2026-04-01");
                for (int i = 0; i < 6; i++) {
                    cloudinary.uploader().upload(TestImages.jpeg(60 + i, 40, i), ObjectUtils.asMap("public_id", "mix/p" + i,
                            "tags", "t" + (i % 2), "context", "n=" + i));
                }
                cloudinary.uploader().uploadLarge(TestImages.jpeg(300, 200, 9), ObjectUtils.asMap("public_id", "mix/large",
                        "chunk_size", 5_000_000));
                day("2026-04-02");
                cloudinary.api().update("mix/p1", ObjectUtils.asMap("tags", "changed", "face_coordinates", "1,2,3,4"));
                cloudinary.uploader().rename("mix/p2", "mix/renamed", ObjectUtils.emptyMap());
                cloudinary.uploader().upload(TestImages.jpeg(70, 50, 3), ObjectUtils.asMap("public_id", "mix/p3", "overwrite", true,
                        "eager", List.of(new Transformation().width(10))));
                cloudinary.api().createTransformation("rb_small", "w_12", ObjectUtils.emptyMap());
                cloudinary.api().createUploadPreset(ObjectUtils.asMap("name", "rb_web", "unsigned", true, "folder", "web",
                        "tags", "a,b", "transformation", "c_scale,w_50"));
                cloudinary.api().updateUploadPreset("rb_web", ObjectUtils.asMap("colors", true));
                cloudinary.api().createUploadPreset(ObjectUtils.asMap("name", "rb_gone"));
                cloudinary.api().deleteUploadPreset("rb_gone", ObjectUtils.emptyMap());
                for (String path : List.of("c_fill,h_10,w_10/mix/p0.jpg", "t_rb_small/mix/p4.jpg", "mix/p4.jpg")) {
                    HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rb-cloud/image/upload/" + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                // dynamic folders: filed, moved and renamed assets, a folder made on its own, a folder renamed and one deleted
                cloudinary.uploader().upload(TestImages.jpeg(20, 20, 11), ObjectUtils.asMap("public_id", "mix/filed",
                        "asset_folder", "rb_albums/2026", "display_name", "Filed"));
                cloudinary.api().update("mix/p0", ObjectUtils.asMap("asset_folder", "rb_albums/old", "display_name", "Zero"));
                cloudinary.api().createFolder("rb_made/inner", ObjectUtils.emptyMap());
                cloudinary.api().createFolder("rb_empty", ObjectUtils.emptyMap());
                cloudinary.api().deleteFolder("rb_empty", ObjectUtils.emptyMap());
                cloudinary.api().renameFolder("rb_albums", "rb_archive/albums", ObjectUtils.emptyMap());
                JdbcTemplate moves = darkroom.getBean(JdbcTemplate.class);
                for (int wait = 0; wait < 300 && moves.queryForObject("SELECT count(*) FROM folder_move", Long.class) > 0; wait++) {
                    Thread.sleep(50);
                }
                day("2026-04-03");
                // the trash: one asset stays in it, one comes back, and an older version is made current again
                cloudinary.api().deleteResources(List.of("mix/p5", "mix/p1"), ObjectUtils.emptyMap());
                cloudinary.api().restore(List.of("mix/p1"), ObjectUtils.emptyMap());
                Object firstOfP3 = ((Map<?, ?>) ((List<?>) cloudinary.api().resource("mix/p3", ObjectUtils.asMap("versions", true))
                        .get("versions")).get(0)).get("version_id");
                cloudinary.api().restore(List.of("mix/p3"), ObjectUtils.asMap("versions", List.of(firstOfP3)));
                cloudinary.api().deleteResources(List.of("mix/p4"), ObjectUtils.asMap("keep_original", true));
            } finally {
                GenericEventMessage.clock = io.darkroom.api.config.AxonConfiguration.EVENT_CLOCK;
            }
            // a file derived at the running clock's time: kept live, it must equal its replay to the millisecond
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/rb-cloud/image/upload/c_fill,h_12,w_12/mix/p3.jpg")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

            JsonNode verified = rebuild(base, "verify");
            assertThat(verified.path("differences")).as("rebuilt from scratch equals live").isEmpty();
            assertThat(verified.path("events").asLong()).isPositive();

            JdbcTemplate jdbc = darkroom.getBean(JdbcTemplate.class);
            assertThat(jdbc.update("DELETE FROM resource_tag WHERE tag = 'changed'")).isEqualTo(1);
            assertThat(jdbc.update("UPDATE upload_preset SET unsigned = false WHERE name = 'rb_web'")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT asset_folder FROM resource_listing WHERE public_id = 'mix/filed'", String.class))
                    .isEqualTo("rb_archive/albums/2026");
            assertThat(jdbc.update("DELETE FROM folder WHERE cloud = 'rb-cloud' AND path = 'rb_made/inner'")).isEqualTo(1);
            assertThat(jdbc.update("UPDATE usage_day SET requests = requests + 1000 WHERE cloud = 'rb-cloud' AND day = '2026-04-02'"))
                    .isEqualTo(1);
            JsonNode drift = rebuild(base, "verify");
            assertThat(drift.path("differences").toString()).contains("resource_tag (rebuilt only)", "changed",
                    "upload_preset (live only)", "upload_preset (rebuilt only)", "folder (rebuilt only)", "rb_made/inner",
                    "usage_day (live only)", "usage_day (rebuilt only)");

            // the usage processor stopped behind the uploads: after the switch it must skip what the rebuilt tables hold
            StreamingEventProcessor usage = darkroom.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("usage", StreamingEventProcessor.class).orElseThrow();
            usage.shutDown();
            for (int i = 0; i < 10; i++) {
                cloudinary.uploader().upload(TestImages.png(8, 8, 100 + i), ObjectUtils.asMap("public_id", "behind/b" + i));
            }
            ExecutorService uploads = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                done.add(uploads.submit(() -> cloudinary.uploader().upload(TestImages.png(8, 8, n),
                        ObjectUtils.asMap("public_id", "load/u" + n, "tags", "load"))));
            }
            JsonNode switched = rebuild(base, "switch");
            for (Future<?> upload : done) {
                upload.get();
            }
            uploads.shutdown();
            usage.start();
            assertThat(switched.path("switched").asBoolean()).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_tag WHERE tag = 'changed'", Integer.class))
                    .as("the switch repaired the drift").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_tag WHERE tag = 'load'", Integer.class))
                    .as("uploads made during the rebuild are all there").isEqualTo(30);
            assertThat(jdbc.queryForObject("SELECT requests FROM usage_day WHERE cloud = 'rb-cloud' AND day = '2026-04-02'",
                    Long.class)).as("the switch repaired usage").isLessThan(1000);
            assertThat(rebuild(base, "verify").path("differences")).isEmpty();
            assertThat(jdbc.queryForObject("SELECT sum(resources) FROM usage_day WHERE cloud = 'rb-cloud'", Long.class))
                    .as("6 + 1 chunked + 1 filed + 10 before and 30 during the switch - 1 deleted, none counted twice").isEqualTo(47);

            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ops/rebuild")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
    }
}
