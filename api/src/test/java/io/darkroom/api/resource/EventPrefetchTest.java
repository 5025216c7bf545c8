package io.darkroom.api.resource;

import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import io.darkroom.application.support.Commands;
import io.darkroom.infrastructure.postgres.PostgresEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store's prefetch: inside one unit of work, each prefetched aggregate's first load is
 * answered from the one query made before (proved by deleting the rows in between, inside the
 * same transaction, which is then rolled back), later loads and other aggregates go to the table.
 */
class EventPrefetchTest extends DarkroomIntegrationTest {
    @Autowired
    Commands commands;
    @Autowired
    PostgresEventStorageEngine engine;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void first_load_after_a_prefetch_is_answered_from_it_and_only_once() throws Exception {
        String file = dataUri(TestImages.png(4, 4, 1), "image/png");
        for (String name : List.of("prefetch/a", "prefetch/b")) {
            assertThat(signedUpload("manage-cloud", "image", "manage-key", "manage-secret",
                    Map.of("file", file, "public_id", name, "tags", "one")).statusCode()).isEqualTo(200);
        }
        String a = assetId("prefetch/a");
        String b = assetId("prefetch/b");
        assertThat(send("POST", "/v1_1/manage-cloud/image/tags", "application/x-www-form-urlencoded",
                form(signed(Map.of("command", "add", "tag", "two", "public_ids", "prefetch/a"))), null, null).statusCode()).isEqualTo(200);
        List<String> eventsOfA = types(a);
        assertThat(eventsOfA).containsExactly("ResourceUploaded", "ResourceTagsChanged");

        assertThatThrownBy(() -> commands.inOneUnit(() -> {
            engine.prefetch(List.of(a, b, "0".repeat(32)));
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)", a, b);
            assertThat(types(a)).as("first load, from the prefetch").isEqualTo(eventsOfA);
            assertThat(types(a)).as("second load, from the table").isEmpty();
            assertThat(types(b)).containsExactly("ResourceUploaded");
            assertThat(types("0".repeat(32))).isEmpty();
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(types(a)).as("rolled back, outside a unit").isEqualTo(eventsOfA);
    }

    private List<String> types(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
    }

    private String assetId(String publicId) {
        return jdbc.queryForObject("SELECT asset_id FROM public_id_claim WHERE cloud = 'manage-cloud' AND public_id = ?",
                String.class, publicId);
    }

    private static Map<String, String> signed(Map<String, String> params) {
        java.util.Map<String, String> all = new java.util.TreeMap<>(params);
        all.put("timestamp", String.valueOf(java.time.Instant.now().getEpochSecond()));
        all.put("signature", sign(all, "manage-secret", "SHA-1"));
        all.put("api_key", "manage-key");
        return all;
    }
}
