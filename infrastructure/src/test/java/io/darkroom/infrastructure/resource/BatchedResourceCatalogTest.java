package io.darkroom.infrastructure.resource;

import io.darkroom.application.resource.listing.ResourceListingProjection;
import io.darkroom.domain.resource.ColorShare;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceContextChanged;
import io.darkroom.domain.resource.ResourceCoordinatesChanged;
import io.darkroom.domain.resource.ResourceDeleted;
import io.darkroom.domain.resource.ResourceModerated;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceTagsChanged;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import io.darkroom.infrastructure.PostgresTestDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild's listing writes: one history applied event by event through the plain catalog and in one unit of work
 * through the batched one leaves the same rows; held uploads reach the table only when the unit commits.
 */
class BatchedResourceCatalogTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");
    private final JdbcTemplate jdbc = PostgresTestDatabase.jdbc();

    private static String assetId(String cloud, int n) {
        return String.format("%016x%016x", Math.abs(cloud.hashCode()), n);
    }

    private static MediaFacts facts(int n) {
        return new MediaFacts("png", 10 + n, 20, 1, 100 + n, "etag" + n, "00000000000000" + String.format("%02d", n),
                List.of(new ColorShare("#00FF00", 100.0)), Map.of(), Map.of(), "f" + n + ".png");
    }

    private static ResourceUploaded uploaded(String cloud, int n, String publicId, long version, List<String> tags) {
        return new ResourceUploaded(assetId(cloud, n), cloud, "image", "upload", publicId, "v" + version, version, facts(n), tags,
                Map.of(), null, null, T0.plusSeconds(version), "b", publicId);
    }

    /** Uploads followed by every kind of change, to held uploads and to rows an earlier unit wrote. */
    private static List<Object> history(String cloud) {
        List<Object> events = new ArrayList<>();
        events.add(uploaded(cloud, 1, "b/1", 1, List.of("t")));
        events.add(new ResourceTagsChanged(assetId(cloud, 1), cloud, "image", "upload", "b/1", List.of("t", "u"), List.of("u"), List.of()));
        events.add(new ResourceContextChanged(assetId(cloud, 1), cloud, "image", "upload", "b/1", Map.of("k", "v")));
        events.add(new ResourceModerated(assetId(cloud, 1), cloud, "image", "upload", "b/1", "manual", "approved"));
        events.add(new ResourceRenamed(assetId(cloud, 1), cloud, "image", "upload", "b/one", "b/1", "b"));
        events.add(uploaded(cloud, 2, "b/2", 2, List.of("t")));
        events.add(new ResourceDeleted(assetId(cloud, 2), cloud, "image", "upload", "b/2", List.of("v2"), true, java.time.Instant.EPOCH));
        // the deleted resource's name taken by another one, and an old upload event that must not win
        events.add(uploaded(cloud, 3, "b/2", 3, List.of("x")));
        events.add(uploaded(cloud, 3, "b/2", 1, List.of("stale")));
        events.add(uploaded(cloud, 4, "b/4", 4, List.of("w")));
        events.add(new ResourceCoordinatesChanged(assetId(cloud, 4), cloud, "image", "upload", "b/4",
                List.of(List.of(1, 2, 3, 4)), List.of()));
        events.add(new ResourceRenamed(assetId(cloud, 4), cloud, "image", "upload", "b/four", "b/4", "b"));
        events.add(new ResourceVersionUploaded(assetId(cloud, 3), cloud, "image", "upload", "b/2", "v5", 5, facts(5),
                List.of("x", "y"), Map.of("n", "5"), T0.plusSeconds(5)));
        events.add(new ResourceTagsChanged(assetId(cloud, 3), cloud, "image", "upload", "b/2", List.of("y"), List.of(), List.of("x")));
        events.add(uploaded(cloud, 5, "b/5", 7, List.of("fresh")));
        events.add(uploaded(cloud, 5, "b/5", 6, List.of("stale")));
        return events;
    }

    private static void apply(AnnotationEventHandlerAdapter projection, List<Object> events) throws Exception {
        for (Object event : events) {
            projection.handle(GenericEventMessage.asEventMessage(event));
        }
    }

    /** The rows of a cloud, with asset ids and the cloud left out (they differ by construction). */
    private List<Map<String, Object>> rows(String cloud) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("""
                SELECT public_id, format, version, version_id, width, bytes, tags, context::text AS context, moderation_kind,
                       moderation_status, created_at FROM resource_listing WHERE cloud = ? ORDER BY public_id""", cloud));
        rows.addAll(jdbc.queryForList("""
                SELECT l.public_id, t.tag, t.created_at FROM resource_tag t JOIN resource_listing l USING (asset_id)
                WHERE t.cloud = ? ORDER BY 1, 2""", cloud));
        rows.addAll(jdbc.queryForList("""
                SELECT l.public_id, a.version, a.phash, a.faces::text AS faces FROM resource_analysis a
                JOIN resource_listing l USING (asset_id) WHERE l.cloud = ? ORDER BY 1""", cloud));
        rows.forEach(row -> row.computeIfPresent("tags", (key, tags) -> tags.toString()));
        return rows;
    }

    @Test
    void one_unit_of_work_through_the_batched_catalog_leaves_the_rows_event_by_event_writes_leave() throws Exception {
        String plainCloud = "plain" + System.nanoTime();
        String batchedCloud = "batched" + System.nanoTime();
        apply(new AnnotationEventHandlerAdapter(new ResourceListingProjection(new JdbcResourceCatalog(jdbc))), history(plainCloud));

        AnnotationEventHandlerAdapter batched = new AnnotationEventHandlerAdapter(
                new ResourceListingProjection(new BatchedResourceCatalog(new JdbcResourceCatalog(jdbc))));
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        apply(batched, history(batchedCloud));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE cloud = ? AND public_id = 'b/one'",
                Integer.class, batchedCloud)).as("held until the unit commits").isZero();
        unit.commit();

        assertThat(rows(batchedCloud)).isEqualTo(rows(plainCloud));
        assertThat(jdbc.queryForList("SELECT public_id FROM resource_listing WHERE cloud = ? ORDER BY public_id", String.class,
                batchedCloud)).containsExactly("b/2", "b/5", "b/four", "b/one");
        assertThat(jdbc.queryForObject("SELECT tags FROM resource_listing WHERE cloud = ? AND public_id = 'b/5'", String.class,
                batchedCloud)).as("an older upload event never replaces a newer one").isEqualTo("{fresh}");
        assertThat(jdbc.queryForObject("SELECT moderation_status FROM resource_listing WHERE cloud = ? AND public_id = 'b/one'",
                String.class, batchedCloud)).isEqualTo("approved");
        assertThat(jdbc.queryForList("SELECT tag FROM resource_tag WHERE asset_id = ? ORDER BY tag", String.class,
                assetId(batchedCloud, 1))).containsExactly("t", "u");

        // a second unit changes rows the first one wrote: those writes run at once
        UnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
        apply(batched, List.of(new ResourceTagsChanged(assetId(batchedCloud, 1), batchedCloud, "image", "upload", "b/one",
                List.of("u"), List.of(), List.of("t")), new ResourceDeleted(assetId(batchedCloud, 4), batchedCloud, "image",
                "upload", "b/four", List.of("v4"), true, java.time.Instant.EPOCH), uploaded(batchedCloud, 1, "b/one", 0, List.of("older"))));
        second.commit();
        assertThat(jdbc.queryForList("SELECT tag FROM resource_tag WHERE asset_id = ?", String.class, assetId(batchedCloud, 1)))
                .as("an older upload held and written later changes neither the row nor its tags").containsExactly("u");
        assertThat(jdbc.queryForObject("SELECT version FROM resource_listing WHERE asset_id = ?", Long.class,
                assetId(batchedCloud, 1))).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_analysis WHERE asset_id = ?", Integer.class,
                assetId(batchedCloud, 4))).isZero();
    }
}
