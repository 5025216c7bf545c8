package io.darkroom.infrastructure.resource;

import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.listing.ListingQuery;
import io.darkroom.application.resource.listing.ResourceAnalysis;
import io.darkroom.application.resource.listing.ResourceCatalog;
import io.darkroom.application.resource.listing.ResourceReadModel;
import io.darkroom.application.resource.listing.ResourceView;
import io.darkroom.infrastructure.postgres.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The listing read model in PostgreSQL. Writes are idempotent upserts guarded by the version,
 * so a replayed or repeated event changes nothing; every listing is one keyset query on an index.
 * Larger than most classes on purpose: it is the one place that knows the listing tables' SQL (writes, the keyset
 * shapes, tags, context, moderation), so a change of a column or an index is made and reviewed in one file.
 */
public class JdbcResourceCatalog implements ResourceCatalog, ResourceReadModel {
    /** The listing columns of {@link #VIEW}, on alias {@code r}; the search reads the same rows. */
    public static final String COLUMNS = """
            r.asset_id, r.cloud, r.resource_type, r.type, r.public_id, r.format, r.version, r.version_id, r.width,
            r.height, r.pages, r.bytes, r.etag, r.created_at, r.tags, r.context::text AS context, r.moderation_kind,
            r.moderation_status, r.original_filename, r.asset_folder, r.display_name""";

    public static final RowMapper<ResourceView> VIEW = (rs, row) -> new ResourceView(
            rs.getString("asset_id"), rs.getString("cloud"), rs.getString("resource_type"), rs.getString("type"),
            rs.getString("public_id"), rs.getString("format"), rs.getLong("version"), rs.getString("version_id"),
            rs.getInt("width"), rs.getInt("height"), rs.getInt("pages"), rs.getLong("bytes"), rs.getString("etag"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), textArray(rs.getArray("tags")),
            JsonColumns.map(rs.getString("context")), rs.getString("moderation_kind"),
            rs.getString("moderation_status"), rs.getString("original_filename"), rs.getString("asset_folder"),
            rs.getString("display_name"));

    private final JdbcTemplate jdbc;
    private final RestoredRows restored;

    public JdbcResourceCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.restored = new RestoredRows(this);
    }

    private static final String UPSERT = """
            INSERT INTO resource_listing (asset_id, cloud, resource_type, type, public_id, format, version, version_id,
                width, height, pages, bytes, etag, created_at, tags, context, moderation_kind, moderation_status,
                original_filename, asset_folder, display_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (asset_id) DO UPDATE SET format = excluded.format, version = excluded.version,
                version_id = excluded.version_id, width = excluded.width, height = excluded.height,
                pages = excluded.pages, bytes = excluded.bytes, etag = excluded.etag, created_at = excluded.created_at,
                tags = excluded.tags, context = excluded.context, moderation_kind = excluded.moderation_kind,
                moderation_status = excluded.moderation_status, original_filename = excluded.original_filename,
                asset_folder = excluded.asset_folder, display_name = excluded.display_name
            WHERE resource_listing.version <= excluded.version""";

    @Override
    public void saveUploaded(ResourceView r, ResourceAnalysis analysis) {
        if (jdbc.update(UPSERT, upsertArguments(r)) > 0) {
            saveTagsAndAnalysis(r, analysis);
        }
    }

    @Override
    public void saveRestored(ResourceView r, ResourceAnalysis analysis, List<List<Integer>> faces, List<List<Integer>> custom) {
        restored.save(r, analysis, faces, custom);
    }

    /**
     * {@link #saveUploaded} for many resources in three round trips, as a rebuild writes the uploads it gathered: the rows
     * (one JDBC batch), the tag rows of every resource whose row now holds that version (one statement over arrays), and
     * the analysis rows (one JDBC batch, guarded by version). Row counts are not trusted here: batched inserts are sent as
     * multi-row statements, which report none.
     */
    public void saveUploadedAll(List<ResourceView> resources, List<ResourceAnalysis> analyses) {
        if (resources.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(UPSERT, resources.stream().map(JdbcResourceCatalog::upsertArguments).toList());
        List<String> tagAssets = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (ResourceView resource : resources) {
            for (String tag : new java.util.LinkedHashSet<>(resource.tags())) {
                tagAssets.add(resource.assetId());
                tags.add(tag);
            }
        }
        String[] assetIds = resources.stream().map(ResourceView::assetId).toArray(String[]::new);
        jdbc.update(TAG_ROWS_OF_MANY, assetIds, resources.stream().map(ResourceView::version).toArray(Long[]::new), assetIds,
                tagAssets.toArray(String[]::new), tags.toArray(String[]::new));
        List<Object[]> analysisRows = new ArrayList<>(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            analysisRows.add(analysisArguments(resources.get(i), analyses.get(i)));
        }
        jdbc.batchUpdate(ANALYSIS, analysisRows);
    }

    /**
     * The tag rows of each resource whose listing row holds the given version become exactly the given tags. Asset ids go
     * as {@code char(32)[]}, the columns' type, and once more as {@code = ANY (...)} on the listing: as {@code text[]} every
     * comparison cast the column, no index applied, and each rebuild batch scanned both tables whole (a 1 M-event rebuild
     * read 131 M tag rows in 365 batches and slowed from about 5,500 to 3,000 events/s past 500,000 events).
     */
    private static final String TAG_ROWS_OF_MANY = """
            WITH uploads AS (
                SELECT u.asset_id, l.cloud, l.resource_type, l.created_at
                FROM resource_listing l
                JOIN unnest(?::char(32)[], ?::bigint[]) AS u(asset_id, version) ON l.asset_id = u.asset_id AND l.version = u.version
                WHERE l.asset_id = ANY (?::char(32)[])),
            tags AS (
                SELECT t.asset_id, t.tag FROM unnest(?::char(32)[], ?::text[]) AS t(asset_id, tag)
                WHERE t.asset_id IN (SELECT asset_id FROM uploads)),
            gone AS (
                DELETE FROM resource_tag r USING uploads
                WHERE r.asset_id = uploads.asset_id
                  AND NOT EXISTS (SELECT 1 FROM tags WHERE tags.asset_id = r.asset_id AND tags.tag = r.tag))
            INSERT INTO resource_tag (asset_id, tag, cloud, resource_type, created_at)
            SELECT tags.asset_id, tags.tag, uploads.cloud, uploads.resource_type, uploads.created_at
            FROM tags JOIN uploads USING (asset_id)
            ON CONFLICT (asset_id, tag) DO UPDATE SET created_at = excluded.created_at""";

    private static Object[] upsertArguments(ResourceView r) {
        return new Object[]{r.assetId(), r.cloud(), r.resourceType(), r.type(), r.publicId(), r.format(), r.version(),
                r.versionId(), r.width(), r.height(), r.pages(), r.bytes(), r.etag(), timestamp(r.createdAt()),
                r.tags().toArray(String[]::new), JsonColumns.jsonb(r.context()), r.moderationKind(), r.moderationStatus(),
                r.originalFilename(), r.assetFolder(), r.displayName()};
    }

    @Override
    public void saveNewVersion(ResourceView r, ResourceAnalysis analysis) {
        int changed = jdbc.update("""
                UPDATE resource_listing SET format = ?, version = ?, version_id = ?, width = ?, height = ?, pages = ?,
                    bytes = ?, etag = ?, created_at = ?, tags = ?, context = ?, original_filename = ?
                WHERE asset_id = ? AND version <= ?""",
                r.format(), r.version(), r.versionId(), r.width(), r.height(), r.pages(), r.bytes(), r.etag(),
                timestamp(r.createdAt()), r.tags().toArray(String[]::new), JsonColumns.jsonb(r.context()),
                r.originalFilename(), r.assetId(), r.version());
        if (changed > 0) {
            saveTagsAndAnalysis(r, analysis);
        }
    }

    private static final String ANALYSIS = """
            INSERT INTO resource_analysis (asset_id, version, phash, colors, exif, metadata) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (asset_id) DO UPDATE SET version = excluded.version, phash = excluded.phash,
                colors = excluded.colors, exif = excluded.exif, metadata = excluded.metadata
            WHERE resource_analysis.version <= excluded.version""";

    /** The tag rows of one resource become exactly its tags, stamped with the resource's time; one round trip. */
    private static final String TAG_ROWS = """
            WITH gone AS (DELETE FROM resource_tag WHERE asset_id = ? AND NOT (tag = ANY (?)))
            INSERT INTO resource_tag (asset_id, tag, cloud, resource_type, created_at)
            SELECT ?, t, ?, ?, ? FROM unnest(?::text[]) AS t
            ON CONFLICT (asset_id, tag) DO UPDATE SET created_at = excluded.created_at""";

    private void saveTagsAndAnalysis(ResourceView r, ResourceAnalysis analysis) {
        jdbc.update(TAG_ROWS, tagRowArguments(r));
        jdbc.update(ANALYSIS, analysisArguments(r, analysis));
    }

    private static Object[] tagRowArguments(ResourceView r) {
        String[] tags = r.tags().toArray(String[]::new);
        return new Object[]{r.assetId(), tags, r.assetId(), r.cloud(), r.resourceType(), timestamp(r.createdAt()), tags};
    }

    private static Object[] analysisArguments(ResourceView r, ResourceAnalysis analysis) {
        return new Object[]{r.assetId(), r.version(), analysis.phash(), JsonColumns.jsonb(analysis.colors()),
                JsonColumns.jsonb(analysis.exif()), JsonColumns.jsonb(analysis.metadata())};
    }

    @Override
    public void saveTags(String assetId, List<String> tags, List<String> added, List<String> removed) {
        // one round trip: the listing row, and only the tag rows that came or went; the rows of tags that stay
        // are not even read (an asset collects tags, and checking each one again was most of this statement's cost)
        jdbc.update("""
                WITH listing AS (
                    UPDATE resource_listing SET tags = ? WHERE asset_id = ?
                    RETURNING asset_id, cloud, resource_type, created_at),
                gone AS (DELETE FROM resource_tag WHERE asset_id = ? AND tag = ANY (?))
                INSERT INTO resource_tag (asset_id, tag, cloud, resource_type, created_at)
                SELECT listing.asset_id, t, listing.cloud, listing.resource_type, listing.created_at
                FROM listing, unnest(?::text[]) AS t
                ON CONFLICT (asset_id, tag) DO NOTHING""",
                tags.toArray(String[]::new), assetId, assetId, removed.toArray(String[]::new), added.toArray(String[]::new));
    }

    @Override
    public void saveContext(String assetId, java.util.Map<String, String> context) {
        jdbc.update("UPDATE resource_listing SET context = ? WHERE asset_id = ?", JsonColumns.jsonb(context), assetId);
    }

    @Override
    public void saveCoordinates(String assetId, List<List<Integer>> faces, List<List<Integer>> custom) {
        jdbc.update("UPDATE resource_analysis SET faces = ?, custom_coordinates = ? WHERE asset_id = ?",
                JsonColumns.jsonb(faces), JsonColumns.jsonb(custom), assetId);
    }

    @Override
    public void saveModeration(String assetId, String kind, String status) {
        jdbc.update("UPDATE resource_listing SET moderation_kind = ?, moderation_status = ? WHERE asset_id = ?", kind, status, assetId);
    }

    @Override
    public void savePublicId(String assetId, String publicId, String assetFolder) {
        jdbc.update("UPDATE resource_listing SET public_id = ?, asset_folder = ? WHERE asset_id = ?", publicId, assetFolder, assetId);
    }

    @Override
    public void saveAssetFolder(String assetId, String assetFolder) {
        jdbc.update("UPDATE resource_listing SET asset_folder = ? WHERE asset_id = ?", assetFolder, assetId);
    }

    @Override
    public void saveDisplayName(String assetId, String displayName) {
        jdbc.update("UPDATE resource_listing SET display_name = ? WHERE asset_id = ?", displayName, assetId);
    }

    @Override
    public boolean displayNameTaken(String cloud, String assetFolder, String displayName) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM resource_listing WHERE cloud = ? AND asset_folder = ? AND display_name = ?)""",
                Boolean.class, cloud, assetFolder, displayName));
    }

    @Override
    public void delete(String assetId) {
        // one round trip for the three tables: bulk deletes run this a thousand times per call
        jdbc.update("""
                WITH tags AS (DELETE FROM resource_tag WHERE asset_id = ?),
                     analysis AS (DELETE FROM resource_analysis WHERE asset_id = ?)
                DELETE FROM resource_listing WHERE asset_id = ?""", assetId, assetId, assetId);
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM resource_tag");
        jdbc.update("DELETE FROM resource_analysis");
        jdbc.update("DELETE FROM resource_listing");
    }

    @Override
    public List<ResourceView> list(ListingQuery q) {
        boolean byTag = q.tag() != null;
        String alias = byTag ? "t" : "r";
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        List<Object> args = new ArrayList<>();
        if (byTag) {
            sql.append(" FROM resource_tag t JOIN resource_listing r ON r.asset_id = t.asset_id WHERE t.cloud = ? AND t.resource_type = ? AND t.tag = ?");
            args.add(q.cloud());
            args.add(q.resourceType());
            args.add(q.tag());
        } else {
            sql.append(" FROM resource_listing r WHERE r.cloud = ? AND r.resource_type = ?");
            args.add(q.cloud());
            args.add(q.resourceType());
        }
        if (q.type() != null) {
            sql.append(" AND r.type = ?");
            args.add(q.type());
        }
        if (q.prefix() != null) {
            sql.append(" AND r.public_id LIKE ? ESCAPE '\\'");
            args.add(likePrefix(q.prefix()));
        }
        if (q.publicIds() != null) {
            sql.append(" AND r.public_id = ANY (?)");
            args.add(q.publicIds().toArray(String[]::new));
        }
        if (q.moderationKind() != null) {
            sql.append(" AND r.moderation_kind = ? AND r.moderation_status = ?");
            args.add(q.moderationKind());
            args.add(q.moderationStatus());
        }
        if (q.contextKey() != null && q.contextValue() != null) {
            sql.append(" AND r.context @> ?::jsonb");
            args.add(JsonColumns.jsonb(java.util.Map.of(q.contextKey(), q.contextValue())).getValue());
        } else if (q.contextKey() != null) {
            sql.append(" AND r.context ?? ?"); // jsonb key existence; "??" is how pgjdbc escapes the "?" operator
            args.add(q.contextKey());
        }
        if (q.startAt() != null) {
            sql.append(" AND ").append(alias).append(".created_at >= ?");
            args.add(timestamp(q.startAt()));
        }
        String order = q.ascending() ? "ASC" : "DESC";
        String comparison = q.ascending() ? ">" : "<";
        if (q.sortKey() == ListingQuery.SortKey.PUBLIC_ID) {
            if (q.after() != null) {
                sql.append(" AND (r.public_id, r.asset_id) ").append(comparison).append(" (?, ?)");
                args.add(q.after().sortValue());
                args.add(q.after().assetId());
            }
            sql.append(" ORDER BY r.public_id ").append(order).append(", r.asset_id ").append(order);
        } else {
            if (q.after() != null) {
                sql.append(" AND (").append(alias).append(".created_at, ").append(alias).append(".asset_id) ")
                        .append(comparison).append(" (?, ?)");
                args.add(timestamp(fromMicros(q.after().sortValue())));
                args.add(q.after().assetId());
            }
            sql.append(" ORDER BY ").append(alias).append(".created_at ").append(order).append(", ")
                    .append(alias).append(".asset_id ").append(order);
        }
        sql.append(" LIMIT ?");
        args.add(q.limit() + 1);
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }

    @Override
    public Optional<ResourceView> find(ResourceKey key, String publicId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resource_listing r WHERE r.cloud = ? AND r.resource_type = ? AND r.type = ? AND r.public_id = ?",
                VIEW, key.cloud(), key.resourceType(), key.type(), publicId).stream().findFirst();
    }

    @Override
    public List<ResourceView> findByAssetIds(String cloud, java.util.Collection<String> assetIds) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resource_listing r WHERE r.cloud = ? AND r.asset_id = ANY (?::char(32)[])", VIEW,
                cloud, assetIds.toArray(String[]::new));
    }

    @Override
    public Optional<ResourceView> findByAssetId(String cloud, String assetId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resource_listing r WHERE r.asset_id = ? AND r.cloud = ?",
                VIEW, assetId, cloud).stream().findFirst();
    }

    @Override
    public ResourceAnalysis analysis(String assetId) {
        return jdbc.query("""
                        SELECT phash, colors::text AS colors, exif::text AS exif, metadata::text AS metadata,
                            faces::text AS faces, custom_coordinates::text AS custom
                        FROM resource_analysis WHERE asset_id = ?""",
                (rs, row) -> new ResourceAnalysis(rs.getString("phash"), JsonColumns.colors(rs.getString("colors")),
                        JsonColumns.map(rs.getString("exif")), JsonColumns.map(rs.getString("metadata")),
                        JsonColumns.regions(rs.getString("faces")), JsonColumns.regions(rs.getString("custom"))),
                assetId).stream().findFirst().orElse(ResourceAnalysis.NONE);
    }

    @Override
    public java.util.Map<String, ResourceAnalysis> analyses(java.util.Collection<String> assetIds) {
        java.util.Map<String, ResourceAnalysis> found = new java.util.HashMap<>();
        if (assetIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                        SELECT asset_id, phash, colors::text AS colors, exif::text AS exif, metadata::text AS metadata,
                            faces::text AS faces, custom_coordinates::text AS custom
                        FROM resource_analysis WHERE asset_id = ANY (?::char(32)[])""",
                rs -> {
                    found.put(rs.getString("asset_id"), new ResourceAnalysis(rs.getString("phash"),
                            JsonColumns.colors(rs.getString("colors")), JsonColumns.map(rs.getString("exif")),
                            JsonColumns.map(rs.getString("metadata")), JsonColumns.regions(rs.getString("faces")),
                            JsonColumns.regions(rs.getString("custom"))));
                }, (Object) assetIds.toArray(String[]::new));
        return found;
    }

    @Override
    public List<String> tags(String cloud, String resourceType, String prefix, String afterTag, int limit) {
        String pattern = prefix == null ? "%" : likePrefix(prefix);
        return jdbc.queryForList("""
                WITH RECURSIVE next_tag(tag) AS (
                    (SELECT tag FROM resource_tag WHERE cloud = ? AND resource_type = ? AND tag > ? AND tag LIKE ? ESCAPE '\\'
                     ORDER BY tag LIMIT 1)
                    UNION ALL
                    SELECT (SELECT t.tag FROM resource_tag t WHERE t.cloud = ? AND t.resource_type = ? AND t.tag > n.tag
                            AND t.tag LIKE ? ESCAPE '\\' ORDER BY t.tag LIMIT 1)
                    FROM next_tag n WHERE n.tag IS NOT NULL
                )
                SELECT tag FROM next_tag WHERE tag IS NOT NULL LIMIT ?""", String.class,
                cloud, resourceType, afterTag == null ? "" : afterTag, pattern, cloud, resourceType, pattern, limit);
    }

    @Override
    public List<String> assetsTagged(String cloud, String resourceType, String tag) {
        return jdbc.queryForList("SELECT asset_id FROM resource_tag WHERE cloud = ? AND resource_type = ? AND tag = ?",
                String.class, cloud, resourceType, tag);
    }

    @Override
    public List<String> resourceTypes(String cloud) {
        return jdbc.queryForList("""
                SELECT v.rt FROM (VALUES ('image'), ('raw'), ('video')) AS v(rt)
                WHERE EXISTS (SELECT 1 FROM resource_listing r WHERE r.cloud = ? AND r.resource_type = v.rt)
                ORDER BY v.rt""", String.class, cloud);
    }

    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant fromMicros(String micros) {
        long value = Long.parseLong(micros);
        return Instant.EPOCH.plus(value, ChronoUnit.MICROS);
    }

    private static List<String> textArray(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
