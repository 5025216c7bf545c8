package io.darkroom.api.usage;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import io.darkroom.application.usage.UsageMeter;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage from events over three scripted days (the events' clock set per day): every day's resources,
 * derived files, storage, per-folder storage, bandwidth, requests, derivations and Admin API calls
 * equal what the test itself counted; the official SDK reads the report by date; rebuilding the
 * projection from the event store gives the same answers.
 */
class UsageTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    UsageMeter meter;

    @Autowired
    EventProcessingConfiguration processors;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realClock() {
        GenericEventMessage.clock = io.darkroom.api.config.AxonConfiguration.EVENT_CLOCK;
    }

    private static void day(String day) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
    }

    private long fetch(String path) throws Exception {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body().length;
    }

    private JsonNode history() throws Exception {
        return JSON.readTree(get("/v1_1/usage-cloud/usage/history?from=2026-03-01&to=2026-03-03", "usage-key", "usage-secret").body());
    }

    /** The usage processor follows the event store on its own: wait until it shows what is expected. */
    private JsonNode historyWhen(Predicate<JsonNode> ready) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode history = history();
        while (!ready.test(history) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            history = history();
        }
        return history;
    }

    private static long bytes(Map<?, ?> answer) {
        return ((Number) answer.get("bytes")).longValue();
    }

    @Test
    void three_scripted_days_add_up_to_what_the_test_counted_and_replay_to_the_same() throws Exception {
        Cloudinary cloudinary = new Cloudinary("cloudinary://usage-key:usage-secret@usage-cloud?upload_prefix=http://localhost:" + port);
        day("2026-03-01");
        long a = bytes(cloudinary.uploader().upload(TestImages.jpeg(200, 100, 1), ObjectUtils.asMap("public_id", "ua")));
        long b = bytes(cloudinary.uploader().upload(TestImages.png(50, 50, 2), ObjectUtils.asMap("public_id", "f/ub")));
        long delivered1 = fetch("/usage-cloud/image/upload/ua.jpg") + fetch("/usage-cloud/image/upload/ua.jpg");
        cloudinary.api().resources(ObjectUtils.emptyMap());
        cloudinary.api().resources(ObjectUtils.emptyMap());
        meter.flush(true);

        day("2026-03-02");
        long d1 = fetch("/usage-cloud/image/upload/w_10/ua.jpg");
        long b2 = bytes(cloudinary.uploader().upload(TestImages.png(60, 60, 3), ObjectUtils.asMap("public_id", "f/ub", "overwrite", true)));
        cloudinary.uploader().rename("ua", "g/ua", ObjectUtils.emptyMap());
        meter.flush(true);

        day("2026-03-03");
        String derivedId = jdbc.queryForObject("SELECT derived_id FROM derived_resource WHERE cloud = 'usage-cloud'", String.class);
        cloudinary.api().deleteDerivedResources(List.of(derivedId), ObjectUtils.emptyMap());
        cloudinary.api().deleteResources(List.of("f/ub"), ObjectUtils.emptyMap());
        meter.flush(true);
        realClock();

        JsonNode history = historyWhen(h -> h.path("days").get(2).path("resources").asLong() == 1
                && h.path("days").get(2).path("admin_api_calls").asLong() == 2);
        List<Map<String, Object>> expected = List.of(
                Map.of("date", "2026-03-01", "resources", 2, "derived_resources", 0, "storage", a + b, "bandwidth", delivered1,
                        "requests", 2, "transformations", 0, "admin_api_calls", 2),
                Map.of("date", "2026-03-02", "resources", 2, "derived_resources", 1, "storage", a + b + d1 + b2, "bandwidth", d1,
                        "requests", 1, "transformations", 1, "admin_api_calls", 0),
                // f/ub went to the trash: its versions' bytes are storage until purged, and shown as trash
                Map.of("date", "2026-03-03", "resources", 1, "derived_resources", 0, "storage", a + b + b2, "bandwidth", 0,
                        "requests", 0, "transformations", 0, "admin_api_calls", 2, "trash_storage", b + b2));
        for (int i = 0; i < 3; i++) {
            JsonNode row = history.path("days").get(i);
            for (Map.Entry<String, Object> field : expected.get(i).entrySet()) {
                assertThat(row.path(field.getKey()).asText()).as(row.path("date") + " " + field.getKey())
                        .isEqualTo(field.getValue().toString());
            }
            assertThat(row.path("objects").asLong()).isEqualTo(row.path("resources").asLong() + row.path("derived_resources").asLong());
        }

        JsonNode folders = JSON.readTree(get("/v1_1/usage-cloud/usage/folders?date=2026-03-02", "usage-key", "usage-secret").body());
        assertThat(folders.path("folders").toString()).isEqualTo("[{\"folder\":\"f\",\"storage\":" + (b + b2)
                + "},{\"folder\":\"g\",\"storage\":" + (a + d1) + "}]");

        Map<?, ?> report = cloudinary.api().usage(ObjectUtils.asMap("date", "03-03-2026"));
        assertThat(report.get("plan")).isEqualTo("Plus");
        assertThat(report.get("last_updated")).isEqualTo("2026-03-03");
        assertThat(report.get("resources")).isEqualTo(1);
        assertThat(report.get("derived_resources")).isEqualTo(0);
        assertThat(report.get("requests")).as("the 30 days up to the date").isEqualTo(3);
        assertThat(((Number) ((Map<?, ?>) report.get("bandwidth")).get("usage")).longValue()).isEqualTo(delivered1 + d1);
        Map<?, ?> storage = (Map<?, ?>) report.get("storage");
        assertThat(((Number) storage.get("usage")).longValue()).as("trashed bytes included").isEqualTo(a + b + b2);
        assertThat(((Number) storage.get("trash_usage")).longValue()).isEqualTo(b + b2);
        assertThat(((Number) storage.get("limit")).longValue()).isEqualTo(1_000_000_000L);
        assertThat(((Number) storage.get("used_percent")).doubleValue()).isEqualTo(Math.round(100.0 * (a + b + b2) / 1e9 * 100) / 100.0);
        assertThat(((Number) ((Map<?, ?>) report.get("transformations")).get("usage")).longValue()).isEqualTo(1);
        assertThat(((Number) ((Map<?, ?>) report.get("credits")).get("limit")).doubleValue()).isEqualTo(225.0);
        assertThat(cloudinary.api().usage(ObjectUtils.emptyMap()).get("resources")).as("today").isEqualTo(1);
        assertError(get("/v1_1/usage-cloud/usage?date=01-01-2999", "usage-key", "usage-secret"), 400,
                "Invalid date 01-01-2999: it is in the future");
        assertError(get("/v1_1/usage-cloud/usage?date=31-02-2026", "usage-key", "usage-secret"), 400,
                "Invalid date 31-02-2026 (dd-mm-yyyy or yyyy-mm-dd)");
        assertError(get("/v1_1/usage-cloud/usage", "other-key", "other-secret"), 401,
                "Invalid credentials for cloud usage-cloud: use HTTP Basic with the cloud's api_key and api_secret");

        String before = history().toString();
        StreamingEventProcessor usage = processors.eventProcessor("usage", StreamingEventProcessor.class).orElseThrow();
        usage.shutDown();
        usage.resetTokens();
        usage.start();
        JsonNode rebuilt = historyWhen(h -> h.toString().equals(before));
        assertThat(rebuilt.toString()).as("rebuilt from the event store").isEqualTo(before);
    }
}
