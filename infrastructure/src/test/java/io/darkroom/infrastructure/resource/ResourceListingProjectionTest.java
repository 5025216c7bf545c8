package io.darkroom.infrastructure.resource;

import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ListingQuery;
import io.darkroom.application.resource.listing.ResourceListingProjection;
import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.Page;
import io.darkroom.domain.resource.ColorShare;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.domain.resource.ResourceTagsChanged;
import io.darkroom.domain.resource.ResourceUploaded;
import io.darkroom.domain.resource.ResourceVersionUploaded;
import io.darkroom.infrastructure.PostgresTestDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The listing projection fed events directly (no Spring), asserted through its queries, on real PostgreSQL. */
class ResourceListingProjectionTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    private JdbcTemplate jdbc;
    private JdbcResourceCatalog catalog;
    private AnnotationEventHandlerAdapter projection;
    private ResourceQueries queries;
    private String cloud;

    @BeforeEach
    void setUp() {
        jdbc = PostgresTestDatabase.jdbc();
        catalog = new JdbcResourceCatalog(jdbc);
        projection = new AnnotationEventHandlerAdapter(new ResourceListingProjection(catalog));
        queries = new ResourceQueries(catalog, new CursorCodec(new byte[32]));
        cloud = "c" + System.nanoTime();
    }

    private void handle(Object event) throws Exception {
        projection.handle(GenericEventMessage.asEventMessage(event));
    }

    private String assetId(int n) {
        return String.format("%016x%016x", Math.abs(cloud.hashCode()), n);
    }

    private ResourceUploaded uploaded(int n, String publicId, List<String> tags, String moderation) {
        MediaFacts facts = new MediaFacts("png", 10 + n, 20, 1, 100 + n, "etag" + n, "00000000000000" + String.format("%02d", n),
                List.of(new ColorShare("#FF0000", 100.0)), Map.of("Make", "Test"), Map.of("Keywords", "k"), "f" + n + ".png");
        return new ResourceUploaded(assetId(n), cloud, "image", "upload", publicId, "v" + String.format("%031x", n), T0.getEpochSecond() + n,
                facts, tags, Map.of("n", String.valueOf(n)), moderation == null ? null : "manual", moderation, T0.plusSeconds(n),
                publicId.contains("/") ? publicId.substring(0, publicId.lastIndexOf('/')) : "",
                publicId.substring(publicId.lastIndexOf('/') + 1));
    }

    private ListingQuery query(String prefix, String tag, int limit) {
        return new ListingQuery(cloud, "image", null, prefix, null, tag, null, null, null, null, false, null, limit, null, null);
    }

    @Test
    void lists_newest_first_and_pages_by_keyset() throws Exception {
        for (int i = 1; i <= 5; i++) {
            handle(uploaded(i, "p/" + i, List.of("t"), null));
        }
        Page<ResourceView> first = queries.list(query(null, null, 2), null, null);
        assertThat(first.items()).extracting(ResourceView::publicId).containsExactly("p/5", "p/4");
        Page<ResourceView> second = queries.list(query(null, null, 2), null, first.nextCursor());
        assertThat(second.items()).extracting(ResourceView::publicId).containsExactly("p/3", "p/2");
        Page<ResourceView> last = queries.list(query(null, null, 2), null, second.nextCursor());
        assertThat(last.items()).extracting(ResourceView::publicId).containsExactly("p/1");
        assertThat(last.nextCursor()).isNull();
        assertThat(first.items().get(0).createdAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void prefix_matches_literally_even_with_like_wildcards() throws Exception {
        handle(uploaded(1, "a_b/x", List.of(), null));
        handle(uploaded(2, "axb/y", List.of(), null));
        handle(uploaded(3, "a%/z", List.of(), null));
        assertThat(queries.list(query("a_", null, 10), null, null).items()).extracting(ResourceView::publicId).containsExactly("a_b/x");
        assertThat(queries.list(query("a%", null, 10), null, null).items()).extracting(ResourceView::publicId).containsExactly("a%/z");
    }

    @Test
    void a_new_version_replaces_facts_and_tags_but_keeps_moderation() throws Exception {
        handle(uploaded(1, "m/1", List.of("old", "keep"), "pending"));
        MediaFacts newer = new MediaFacts("jpg", 99, 98, 1, 5000, "etagX", "ffffffffffffffff", List.of(), Map.of(), Map.of(), "n.jpg");
        handle(new ResourceVersionUploaded(assetId(1), cloud, "image", "upload", "m/1", "w" + "0".repeat(31), T0.getEpochSecond() + 100,
                newer, List.of("keep", "new"), Map.of(), T0.plusSeconds(100)));
        ResourceView view = queries.details(new ResourceKey(cloud, "image", "upload"), "m/1");
        assertThat(view.width()).isEqualTo(99);
        assertThat(view.format()).isEqualTo("jpg");
        assertThat(view.tags()).containsExactly("keep", "new");
        assertThat(view.moderationStatus()).isEqualTo("pending");
        assertThat(queries.tags(cloud, "image", null, 10, null).items()).containsExactly("keep", "new");
        assertThat(queries.analysis(assetId(1)).phash()).isEqualTo("ffffffffffffffff");
    }

    @Test
    void replaying_an_event_twice_or_out_of_date_changes_nothing() throws Exception {
        ResourceUploaded event = uploaded(1, "i/1", List.of("a"), null);
        handle(event);
        handle(event);
        MediaFacts newer = new MediaFacts("jpg", 50, 50, 1, 1, "e", null, List.of(), Map.of(), Map.of(), null);
        ResourceVersionUploaded version = new ResourceVersionUploaded(assetId(1), cloud, "image", "upload", "i/1",
                "z" + "0".repeat(31), T0.getEpochSecond() + 50, newer, List.of("b"), Map.of(), T0.plusSeconds(50));
        handle(version);
        handle(event);
        handle(version);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE cloud = ?", Integer.class, cloud)).isEqualTo(1);
        assertThat(queries.details(new ResourceKey(cloud, "image", "upload"), "i/1").width()).isEqualTo(50);
        assertThat(queries.tags(cloud, "image", null, 10, null).items()).containsExactly("b");
    }

    @Test
    void lists_by_tag_and_tags_by_prefix_with_cursor() throws Exception {
        handle(uploaded(1, "t/1", List.of("apple", "banana"), null));
        handle(uploaded(2, "t/2", List.of("apricot"), null));
        handle(uploaded(3, "t/3", List.of("apple", "cherry"), null));
        assertThat(queries.list(query(null, "apple", 10), null, null).items()).extracting(ResourceView::publicId)
                .containsExactly("t/3", "t/1");
        Page<String> page = queries.tags(cloud, "image", "ap", 1, null);
        assertThat(page.items()).containsExactly("apple");
        assertThat(queries.tags(cloud, "image", "ap", 1, page.nextCursor()).items()).containsExactly("apricot");
        assertThat(queries.tags(cloud, "image", null, 10, null).items()).containsExactly("apple", "apricot", "banana", "cherry");
    }

    @Test
    void a_tag_change_moves_only_the_tags_that_came_or_went_and_applies_twice_the_same() throws Exception {
        handle(uploaded(1, "g/1", List.of("stay", "go"), null));
        handle(uploaded(2, "g/2", List.of("go"), null));
        ResourceTagsChanged change = new ResourceTagsChanged(assetId(1), cloud, "image", "upload", "g/1",
                List.of("stay", "come"), List.of("come"), List.of("go"));
        handle(change);
        handle(change);
        assertThat(queries.details(new ResourceKey(cloud, "image", "upload"), "g/1").tags()).containsExactly("stay", "come");
        assertThat(jdbc.queryForList("SELECT tag FROM resource_tag WHERE asset_id = ? ORDER BY tag", String.class, assetId(1)))
                .containsExactly("come", "stay");
        assertThat(queries.list(query(null, "come", 10), null, null).items()).extracting(ResourceView::publicId).containsExactly("g/1");
        assertThat(queries.list(query(null, "go", 10), null, null).items()).extracting(ResourceView::publicId).containsExactly("g/2");
        assertThat(queries.list(query(null, "stay", 10), null, null).items().get(0).createdAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void reset_clears_every_table_of_the_projection() throws Exception {
        handle(uploaded(1, "r/1", List.of("x"), null));
        projection.prepareReset();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_listing", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_tag", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM resource_analysis", Integer.class)).isZero();
    }
}
