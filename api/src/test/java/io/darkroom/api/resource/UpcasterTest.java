package io.darkroom.api.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceUploaded;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored in older shapes are read in the current one (ResourceUploaded with its folder; ResourceDeleted not trashed). */
class UpcasterTest extends DarkroomIntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore events;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void a_revision_1_upload_event_is_read_with_its_folder() throws Exception {
        String assetId = UUID.randomUUID().toString().replace("-", "");
        ResourceUploaded current = new ResourceUploaded(assetId, "upcast-cloud", "image", "upload", "old/shape/photo", "v".repeat(32),
                1_700_000_000L, new MediaFacts("jpg", 10, 10, 1, 123, "e", null, List.of(), Map.of(), Map.of(), "photo.jpg"),
                List.of("t"), Map.of(), null, null, Instant.parse("2023-11-14T22:13:20Z"), "ignored", "ignored too");
        ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(serializer.serialize(current, byte[].class).getData());
        payload.remove("assetFolder");
        payload.remove("displayName");
        assertThat(payload.has("assetFolder")).isFalse();
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                            payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Resource', '2023-11-14T22:13:20Z', ?, '1', ?, ?)""",
                UUID.randomUUID().toString(), assetId, ResourceUploaded.class.getName(), new ObjectMapper().writeValueAsBytes(payload),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());

        ResourceUploaded read = (ResourceUploaded) events.readEvents(assetId).next().getPayload();
        assertThat(read.assetFolder()).isEqualTo("old/shape");
        assertThat(read.displayName()).isEqualTo("photo");
        assertThat(read.publicId()).isEqualTo("old/shape/photo");
        assertThat(read.facts().bytes()).isEqualTo(123);
    }

    /** Before the trash every deletion removed the bytes at once: an old ResourceDeleted reads as not trashed. */
    @Test
    void a_revision_1_deletion_is_read_as_one_that_removed_the_bytes() throws Exception {
        String assetId = UUID.randomUUID().toString().replace("-", "");
        ObjectNode payload = new ObjectMapper().createObjectNode().put("assetId", assetId).put("cloud", "upcast-cloud")
                .put("resourceType", "image").put("type", "upload").put("publicId", "old/gone");
        payload.putArray("versionIds").add("v".repeat(32));
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                            payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Resource', '2023-11-14T22:13:20Z', ?, '1', ?, ?)""",
                UUID.randomUUID().toString(), assetId, io.darkroom.domain.resource.ResourceDeleted.class.getName(),
                new ObjectMapper().writeValueAsBytes(payload), serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());

        var read = (io.darkroom.domain.resource.ResourceDeleted) events.readEvents(assetId).next().getPayload();
        assertThat(read.trashed()).isFalse();
        assertThat(read.deletedAt()).isNull();
        assertThat(read.versionIds()).containsExactly("v".repeat(32));
    }
}
