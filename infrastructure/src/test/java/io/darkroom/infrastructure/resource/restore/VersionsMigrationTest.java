package io.darkroom.infrastructure.resource.restore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.infrastructure.postgres.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded to the versions read model: V23 fills it from the events already stored, as the projection
 * would have (every deletion then removed the bytes: its versions purged; the latest version current).
 */
class VersionsMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_migration_lists_every_stored_version_and_purges_those_of_deleted_assets() throws Exception {
        Path dir = Files.createDirectories(Path.of("target")).resolve("pg-upgrade-" + System.nanoTime());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.toAbsolutePath())) {
            Flyway.configure().dataSource(server.dataSource()).locations("classpath:db/migration").target("22").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(server.dataSource());
            String live = "a".repeat(32);
            String deleted = "b".repeat(32);
            event(jdbc, live, 0, "2026-01-01T10:00:00.123Z", "ResourceUploaded", upload(live, "v1", 1767261600L, "jpg", 100));
            event(jdbc, live, 1, "2026-01-02T10:00:00.456Z", "ResourceVersionUploaded", upload(live, "v2", 1767348000L, "png", 250));
            event(jdbc, deleted, 0, "2026-01-03T10:00:00Z", "ResourceUploaded", upload(deleted, "v3", 1767434400L, "gif", 7));
            event(jdbc, deleted, 1, "2026-01-04T10:00:00.789Z", "ResourceDeleted", Map.of("assetId", deleted, "cloud", "old",
                    "resourceType", "image", "type", "upload", "publicId", "gone", "versionIds", List.of("v3")));

            Flyway.configure().dataSource(server.dataSource()).locations("classpath:db/migration").load().migrate();

            List<Map<String, Object>> rows = jdbc.queryForList("""
                    SELECT asset_id, version_id, cloud, version, format, bytes, current, facts ->> 'etag' AS etag,
                           to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS uploaded,
                           to_char(purged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS purged
                    FROM resource_version ORDER BY version""");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).containsEntry("version_id", "v1").containsEntry("format", "jpg").containsEntry("bytes", 100L)
                    .containsEntry("current", false).containsEntry("uploaded", "2026-01-01T10:00:00.123").containsEntry("purged", null)
                    .containsEntry("etag", "e-v1").containsEntry("cloud", "old");
            assertThat(rows.get(1)).containsEntry("version_id", "v2").containsEntry("current", true).containsEntry("purged", null);
            assertThat(rows.get(2)).containsEntry("version_id", "v3").containsEntry("current", true)
                    .containsEntry("purged", "2026-01-04T10:00:00.789");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_trash", Integer.class)).as("nothing was trashed then").isZero();
        }
    }

    private static Map<String, Object> upload(String assetId, String versionId, long version, String format, long bytes) {
        return Map.of("assetId", assetId, "cloud", "old", "resourceType", "image", "type", "upload", "publicId", "p",
                "versionId", versionId, "version", version, "facts", Map.of("format", format, "width", 1, "height", 1,
                        "pages", 1, "bytes", bytes, "etag", "e-" + versionId));
    }

    private static void event(JdbcTemplate jdbc, String assetId, int sequence, String time, String type, Map<String, Object> payload)
            throws Exception {
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Resource', ?, ?, '1', ?, ?)""", UUID.randomUUID().toString(), assetId, sequence, time,
                "io.darkroom.domain.resource." + type, JSON.writeValueAsBytes(payload), "{}".getBytes());
    }
}
