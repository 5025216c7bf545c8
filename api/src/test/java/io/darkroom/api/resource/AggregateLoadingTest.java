package io.darkroom.api.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import io.darkroom.application.support.Commands;
import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.resource.AssetId;
import io.darkroom.domain.resource.ChangeTags;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.TagOperation;
import io.darkroom.infrastructure.postgres.PostgresEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How aggregates are loaded: from a snapshot taken after {@code darkroom.snapshot-threshold} (10)
 * events plus the events after it, and, inside one unit of work, from one prefetch query for many
 * aggregates. Each is proved by deleting the rows it must not need, inside a transaction that is
 * then rolled back.
 */
class AggregateLoadingTest extends DarkroomIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Commands commands;
    @Autowired
    PostgresEventStorageEngine engine;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_long_history_is_loaded_from_a_snapshot_and_the_events_after_it() throws Exception {
        String a = upload("snap/a", "t0");
        List<String> expected = new ArrayList<>(List.of("t0"));
        for (int i = 1; i <= 14; i++) {
            assertThat(addTag("snap/a", "t" + i)).isEqualTo(200);
            expected.add("t" + i);
        }
        long snapshotSequence = awaitSnapshot(a);
        assertThat(snapshotSequence).as("a snapshot after 10 events or more").isBetween(9L, 14L);

        assertThatThrownBy(() -> commands.inOneUnit(() -> {
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ?", a, snapshotSequence);
            List<? extends DomainEventMessage<?>> loaded = events.readEvents(a).asStream().toList();
            assertThat(loaded.get(0).getPayloadType().getSimpleName()).isEqualTo("Resource");
            assertThat(loaded.get(0).getSequenceNumber()).isEqualTo(snapshotSequence);
            assertThat(loaded).hasSize(1 + (int) (14 - snapshotSequence));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThatThrownBy(() -> commands.inOneUnit(() -> {
            engine.prefetch(List.of(a, "0".repeat(32)));
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", a);
            jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", a);
            List<? extends DomainEventMessage<?>> prefetched = events.readEvents(a).asStream().toList();
            assertThat(prefetched.get(0).getSequenceNumber()).as("the prefetched snapshot").isEqualTo(snapshotSequence);
            assertThat(prefetched).hasSize(1 + (int) (14 - snapshotSequence));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        // the state read back from the snapshot is whole: tags in order, versions to delete
        assertThat(addTag("snap/a", "t15")).isEqualTo(200);
        expected.add("t15");
        JsonNode details = JSON.readTree(get("/v1_1/manage-cloud/resources/image/upload/snap/a", "manage-key", "manage-secret").body());
        assertThat(details.path("tags").toString()).isEqualTo(JSON.writeValueAsString(expected));
        assertThat(send("POST", "/v1_1/manage-cloud/image/destroy", "application/x-www-form-urlencoded",
                form(signed(Map.of("public_id", "snap/a"))), null, null).body()).contains("\"ok\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE asset_id = ?", Integer.class, a)).isZero();
        List<? extends DomainEventMessage<?>> history = events.readEvents(a).asStream().toList();
        ResourceDeleted deleted = (ResourceDeleted) history.get(history.size() - 1).getPayload();
        assertThat(deleted.versionIds()).as("the version known from the snapshot")
                .containsExactly(details.path("version_id").asText());
    }

    @Test
    void a_snapshot_of_another_aggregate_revision_is_ignored() throws Exception {
        String a = uploadWithSnapshot("snap/revision");
        jdbc.update("UPDATE snapshot_event_entry SET payload_revision = '0' WHERE aggregate_identifier = ?", a);
        List<? extends DomainEventMessage<?>> loaded = events.readEvents(a).asStream().toList();
        assertThat(loaded.get(0).getPayloadType().getSimpleName()).isEqualTo("ResourceUploaded");
        assertThat(loaded).hasSize(13);
        assertThat(addTag("snap/revision", "t13")).isEqualTo(200);
        JsonNode details = JSON.readTree(get("/v1_1/manage-cloud/resources/image/upload/snap/revision", "manage-key", "manage-secret").body());
        assertThat(details.path("tags")).hasSize(14);
    }

    @Test
    void deleting_a_resource_with_a_long_history_takes_no_snapshot_of_it() throws Exception {
        String a = uploadWithSnapshot("snap/deleted");
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", a);
        assertThat(send("POST", "/v1_1/manage-cloud/image/destroy", "application/x-www-form-urlencoded",
                form(signed(Map.of("public_id", "snap/deleted"))), null, null).body()).contains("\"ok\"");
        // the destroy read all 14 events, over the threshold: a plain event-count trigger would snapshot it now
        Thread.sleep(1000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, a))
                .isZero();
    }

    @Test
    void first_load_after_a_prefetch_is_answered_from_it_and_only_once() throws Exception {
        String a = upload("prefetch/a", "one");
        String b = upload("prefetch/b", "one");
        assertThat(addTag("prefetch/a", "two")).isEqualTo(200);
        List<String> eventsOfA = types(a);
        assertThat(eventsOfA).containsExactly("ResourceUploaded", "ResourceTagsChanged");

        assertThatThrownBy(() -> commands.inOneUnit(() -> {
            engine.prefetch(List.of(a, b, "0".repeat(32)));
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)", a, b);
            assertThat(types(a)).as("first load, from the prefetch").isEqualTo(eventsOfA);
            assertThat(types(a)).as("second load, from the table").isEmpty();
            commands.send(new ChangeTags(AssetId.of(b), CloudName.of("manage-cloud"), TagOperation.ADD, List.of("three")));
            assertThat(types("0".repeat(32))).isEmpty();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(types(a)).as("rolled back").isEqualTo(eventsOfA);
        assertThat(types(b)).containsExactly("ResourceUploaded");
    }

    /** Uploads with tag t0, adds t1..t12 (13 events) and waits for the snapshot they cause to be stored. */
    private String uploadWithSnapshot(String publicId) throws Exception {
        String assetId = upload(publicId, "t0");
        for (int i = 1; i <= 12; i++) {
            assertThat(addTag(publicId, "t" + i)).isEqualTo(200);
        }
        awaitSnapshot(assetId);
        Thread.sleep(300); // let the snapshotter finish before a test undoes or alters its work
        return assetId;
    }

    private long awaitSnapshot(String aggregateId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Long sequence = null;
        while (sequence == null && System.currentTimeMillis() < deadline) {
            sequence = jdbc.queryForObject("SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                    Long.class, aggregateId);
            Thread.sleep(50);
        }
        assertThat(sequence).as("a snapshot of " + aggregateId).isNotNull();
        return sequence;
    }

    private String upload(String publicId, String tags) throws Exception {
        String file = dataUri(TestImages.png(4, 4, 1), "image/png");
        assertThat(signedUpload("manage-cloud", "image", "manage-key", "manage-secret",
                Map.of("file", file, "public_id", publicId, "tags", tags)).statusCode()).isEqualTo(200);
        return jdbc.queryForObject("SELECT asset_id FROM public_id_claim WHERE cloud = 'manage-cloud' AND public_id = ?",
                String.class, publicId);
    }

    private int addTag(String publicId, String tag) throws Exception {
        return send("POST", "/v1_1/manage-cloud/image/tags", "application/x-www-form-urlencoded",
                form(signed(Map.of("command", "add", "tag", tag, "public_ids", publicId))), null, null).statusCode();
    }

    private List<String> types(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
    }

    private static Map<String, String> signed(Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("timestamp", String.valueOf(java.time.Instant.now().getEpochSecond()));
        all.put("signature", sign(all, "manage-secret", "SHA-1"));
        all.put("api_key", "manage-key");
        return all;
    }
}
