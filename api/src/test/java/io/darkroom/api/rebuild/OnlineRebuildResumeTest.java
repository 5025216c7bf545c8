package io.darkroom.api.rebuild;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomApplication;
import io.darkroom.api.TestImages;
import io.darkroom.application.rebuild.ReadModelRebuild;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rebuild interrupted part way keeps each read model's saved position; run again, it reads only the events after the
 * slowest of them and the switched read models hold every event's rows.
 */
class OnlineRebuildResumeTest {
    private static final int CLONES = 10_000;
    /** Clones {@code from..to} of an asset's events (new ids and names), straight into the event store. */
    private static final String CLONE = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data)
            SELECT gen_random_uuid()::text, md5(n::text), e.sequence_number, e.type, e.time_stamp, e.payload_type,
                   e.payload_revision,
                   convert_to(replace(replace(convert_from(e.payload, 'UTF8'), ?, md5(n::text)), 'resume/template',
                       'resume/clone-' || n), 'UTF8'), e.meta_data
            FROM generate_series(?, ?) n, domain_event_entry e
            WHERE e.aggregate_identifier = ? ORDER BY n, e.sequence_number""";

    @Test
    void an_interrupted_rebuild_resumes_from_its_saved_positions() throws Exception {
        try (ConfigurableApplicationContext darkroom = node("rebuild-resume-")) {
            Cloudinary cloudinary = sdk(darkroom);
            Map<?, ?> template = uploadTemplate(cloudinary);
            cloudinary.uploader().addTag("b", new String[]{"resume/template"}, ObjectUtils.emptyMap());
            JdbcTemplate jdbc = darkroom.getBean(JdbcTemplate.class);
            // a long history without uploading thousands of images: the template's events cloned under new ids and
            // names, straight into the event store (the live read models never see them; a rebuild does)
            int seeded = jdbc.update(CLONE, template.get("asset_id"), 1, CLONES, template.get("asset_id"));
            assertThat(seeded).isEqualTo(2 * CLONES);
            long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

            ReadModelRebuild rebuild = darkroom.getBean(ReadModelRebuild.class);
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<ReadModelRebuild.Outcome> first = runner.submit(() -> rebuild.run(List.of("listing", "audit"), true, progress -> {
            }));
            long deadline = System.currentTimeMillis() + 30_000;
            while (saved(jdbc).size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            first.cancel(true);
            runner.shutdown();
            assertThat(runner.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(first::get).isInstanceOfAny(java.util.concurrent.CancellationException.class, ExecutionException.class);

            List<Long> positions = saved(jdbc);
            assertThat(positions).as("both read models saved a position before the interruption").hasSize(2)
                    .allSatisfy(position -> assertThat(position).isPositive().isLessThan(head));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE public_id LIKE 'resume/clone-%'",
                    Long.class)).as("nothing switched by the interrupted run").isZero();

            ReadModelRebuild.Outcome resumed = rebuild.run(List.of("listing", "audit"), true, progress -> {
            });
            assertThat(resumed.switched()).isTrue();
            assertThat(resumed.events()).as("only the events after the slowest saved position are read again")
                    .isLessThanOrEqualTo(head - positions.stream().mapToLong(Long::longValue).min().orElseThrow())
                    .isLessThan(head);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE public_id LIKE 'resume/clone-%'",
                    Long.class)).isEqualTo(CLONES);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_tag WHERE tag = 'b'", Long.class))
                    .as("the clones' second event applied too").isEqualTo(CLONES + 1);
            assertThat(saved(jdbc)).as("a switched rebuild forgets its positions").isEmpty();
        }
    }

    @Test
    void an_event_that_commits_after_later_ones_were_replayed_is_not_skipped() throws Exception {
        try (ConfigurableApplicationContext darkroom = node("rebuild-gap-")) {
            Cloudinary cloudinary = sdk(darkroom);
            Map<?, ?> template = uploadTemplate(cloudinary);
            JdbcTemplate jdbc = darkroom.getBean(JdbcTemplate.class);
            ReadModelRebuild rebuild = darkroom.getBean(ReadModelRebuild.class);
            javax.sql.DataSource dataSource = darkroom.getBean(javax.sql.DataSource.class);
            try (java.sql.Connection late = dataSource.getConnection()) {
                // clone 1 takes its global indexes first but commits last: while it is open, clone 2 commits and a
                // rebuild replays past it
                late.setAutoCommit(false);
                try (java.sql.PreparedStatement clone = late.prepareStatement(CLONE)) {
                    clone.setString(1, (String) template.get("asset_id"));
                    clone.setInt(2, 1);
                    clone.setInt(3, 1);
                    clone.setString(4, (String) template.get("asset_id"));
                    assertThat(clone.executeUpdate()).isEqualTo(1);
                }
                jdbc.update(CLONE, template.get("asset_id"), 2, 2, template.get("asset_id"));
                rebuild.run(List.of("listing"), false, progress -> {
                });
                late.commit();
            }
            assertThat(rebuild.run(List.of("listing"), true, progress -> {
            }).switched()).isTrue();
            assertThat(jdbc.queryForList("SELECT public_id FROM resource_listing WHERE public_id LIKE 'resume/%' ORDER BY public_id",
                    String.class)).containsExactly("resume/clone-1", "resume/clone-2", "resume/template");
        }
    }

    private static ConfigurableApplicationContext node(String dataDirPrefix) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), dataDirPrefix);
        return new SpringApplicationBuilder(DarkroomApplication.class).properties("darkroom.data-dir=" + dataDir,
                "darkroom.clouds[0].url=cloudinary://rr-key:rr-secret@rr-cloud", "darkroom.default-hourly-limit=0")
                .run("--server.port=0");
    }

    private static Cloudinary sdk(ConfigurableApplicationContext darkroom) {
        int port = ((WebServerApplicationContext) darkroom).getWebServer().getPort();
        return new Cloudinary("cloudinary://rr-key:rr-secret@rr-cloud?upload_prefix=http://localhost:" + port);
    }

    /** The resource whose events the tests clone. */
    private static Map<?, ?> uploadTemplate(Cloudinary cloudinary) throws Exception {
        return cloudinary.uploader().upload(TestImages.jpeg(20, 10, 1), ObjectUtils.asMap("public_id", "resume/template", "tags", "a"));
    }

    private static List<Long> saved(JdbcTemplate jdbc) {
        Boolean exists = jdbc.queryForObject("SELECT to_regclass('darkroom_rebuild.rebuild_progress') IS NOT NULL", Boolean.class);
        return Boolean.TRUE.equals(exists)
                ? jdbc.queryForList("SELECT position FROM darkroom_rebuild.rebuild_progress", Long.class) : List.of();
    }
}
