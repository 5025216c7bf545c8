package io.darkroom.infrastructure.resource.restore;

import com.fasterxml.jackson.core.type.TypeReference;
import io.darkroom.application.resource.ResourceKey;
import io.darkroom.application.resource.restore.StoredVersion;
import io.darkroom.application.resource.restore.TrashedAsset;
import io.darkroom.application.resource.restore.VersionCatalog;
import io.darkroom.application.resource.restore.VersionQueries;
import io.darkroom.domain.resource.MediaFacts;
import io.darkroom.infrastructure.postgres.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The versions read model and the trash in PostgreSQL: one statement per event, one query per lookup of a whole call. */
public class JdbcVersionCatalog implements VersionCatalog, VersionQueries {
    private static final TypeReference<MediaFacts> FACTS = new TypeReference<>() { };
    private static final RowMapper<StoredVersion> VERSION = (rs, row) -> new StoredVersion(rs.getString("asset_id"),
            rs.getString("version_id"), rs.getLong("version"), rs.getTimestamp("uploaded_at").toInstant(),
            rs.getString("format"), rs.getLong("bytes"), rs.getBoolean("current"),
            rs.getTimestamp("purged_at") == null ? null : rs.getTimestamp("purged_at").toInstant());
    private static final RowMapper<TrashedAsset> TRASHED = (rs, row) -> new TrashedAsset(rs.getString("asset_id"),
            rs.getString("cloud"), rs.getString("resource_type"), rs.getString("type"), rs.getString("public_id"),
            rs.getString("version_id"), rs.getTimestamp("deleted_at").toInstant());
    private static final String VERSION_COLUMNS = "asset_id, version_id, version, uploaded_at, format, bytes, current, purged_at";

    private final JdbcTemplate jdbc;
    private final io.darkroom.infrastructure.postgres.UnitOfWorkInserts restores;

    public JdbcVersionCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.restores = new io.darkroom.infrastructure.postgres.UnitOfWorkInserts(jdbc);
    }

    @Override
    public void added(String assetId, String cloud, String versionId, long version, Instant uploadedAt, MediaFacts facts) {
        jdbc.update("""
                WITH before AS (UPDATE resource_version SET current = false WHERE asset_id = ? AND current AND version_id <> ?)
                INSERT INTO resource_version (asset_id, version_id, cloud, version, uploaded_at, format, bytes, facts, current)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, true) ON CONFLICT DO NOTHING""",
                assetId, versionId, assetId, versionId, cloud, version, Timestamp.from(uploadedAt), facts.format(), facts.bytes(),
                JsonColumns.jsonb(facts));
    }

    /**
     * Sent with the unit of work's other restores as one JDBC batch when it prepares to commit: nothing reads these rows
     * back inside the unit that restores them (a restore batch only restores).
     */
    @Override
    public void restored(String assetId, String versionId, boolean fromTrash) {
        restores.insert("""
                WITH made AS (UPDATE resource_version SET current = (version_id = ?) WHERE asset_id = ? AND (current OR version_id = ?))
                DELETE FROM resource_trash WHERE asset_id = ? AND ?""", versionId, assetId, versionId, assetId, fromTrash);
    }

    /** An asset left with nothing kept leaves the trash: nothing of it can come back. */
    @Override
    public void purged(String assetId, Collection<String> versionIds, Instant at) {
        jdbc.update("""
                WITH gone AS (UPDATE resource_version SET purged_at = ? WHERE asset_id = ? AND version_id = ANY (?) AND purged_at IS NULL)
                DELETE FROM resource_trash t WHERE t.asset_id = ? AND NOT EXISTS (
                    SELECT 1 FROM resource_version v WHERE v.asset_id = ? AND v.purged_at IS NULL AND NOT (v.version_id = ANY (?)))""",
                Timestamp.from(at), assetId, versionIds.toArray(String[]::new), assetId, assetId, versionIds.toArray(String[]::new));
    }

    /** The version current at deletion comes from the versions table, kept by the same projection. */
    @Override
    public void trashed(TrashedAsset asset) {
        jdbc.update("""
                INSERT INTO resource_trash (asset_id, cloud, resource_type, type, public_id, version_id, deleted_at)
                SELECT ?, ?, ?, ?, ?, version_id, ? FROM resource_version WHERE asset_id = ? AND current
                ON CONFLICT (asset_id) DO UPDATE SET public_id = excluded.public_id, version_id = excluded.version_id,
                    deleted_at = excluded.deleted_at""",
                asset.assetId(), asset.cloud(), asset.resourceType(), asset.type(), asset.publicId(),
                Timestamp.from(asset.deletedAt()), asset.assetId());
    }

    @Override
    public void clear() {
        jdbc.update("TRUNCATE resource_version, resource_trash");
    }

    @Override
    public List<StoredVersion> versions(String cloud, String assetId) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM resource_version WHERE asset_id = ? AND cloud = ? ORDER BY version, uploaded_at",
                VERSION, assetId, cloud);
    }

    @Override
    public Map<String, List<StoredVersion>> versions(String cloud, Collection<String> assetIds) {
        Map<String, List<StoredVersion>> byAsset = new LinkedHashMap<>();
        if (assetIds.isEmpty()) {
            return byAsset;
        }
        jdbc.query("SELECT " + VERSION_COLUMNS + " FROM resource_version WHERE asset_id = ANY (?::char(32)[]) AND cloud = ? ORDER BY asset_id, version, uploaded_at",
                VERSION, assetIds.toArray(String[]::new), cloud)
                .forEach(v -> byAsset.computeIfAbsent(v.assetId(), a -> new ArrayList<>()).add(v));
        return byAsset;
    }

    /** By the primary key: asset ids as {@code char(32)[]}, the column's type (as {@code text[]} no index would apply). */
    @Override
    public Map<String, MediaFacts> facts(String cloud, List<String> assetIds, List<String> versionIds) {
        Map<String, MediaFacts> facts = new LinkedHashMap<>();
        if (versionIds.isEmpty()) {
            return facts;
        }
        jdbc.query("""
                SELECT v.version_id, v.facts::text AS facts FROM resource_version v
                JOIN unnest(?::char(32)[], ?::text[]) AS u(asset_id, version_id) ON v.asset_id = u.asset_id AND v.version_id = u.version_id
                WHERE v.cloud = ?""",
                rs -> {
                    facts.put(rs.getString("version_id"), JsonColumns.read(rs.getString("facts"), FACTS));
                }, assetIds.toArray(String[]::new), versionIds.toArray(String[]::new), cloud);
        return facts;
    }

    @Override
    public Optional<TrashedAsset> trashed(String cloud, String assetId) {
        return jdbc.query("SELECT * FROM resource_trash WHERE asset_id = ? AND cloud = ?", TRASHED, assetId, cloud).stream().findFirst();
    }

    @Override
    public Map<String, TrashedAsset> trashed(String cloud, Collection<String> assetIds) {
        Map<String, TrashedAsset> byAsset = new LinkedHashMap<>();
        if (!assetIds.isEmpty()) {
            jdbc.query("SELECT * FROM resource_trash WHERE asset_id = ANY (?::char(32)[]) AND cloud = ?", TRASHED,
                    assetIds.toArray(String[]::new), cloud).forEach(t -> byAsset.put(t.assetId(), t));
        }
        return byAsset;
    }

    @Override
    public Map<String, List<TrashedAsset>> trashedNamed(ResourceKey key, Collection<String> publicIds) {
        Map<String, List<TrashedAsset>> byName = new LinkedHashMap<>();
        if (!publicIds.isEmpty()) {
            jdbc.query("""
                    SELECT * FROM resource_trash WHERE cloud = ? AND resource_type = ? AND type = ? AND public_id = ANY (?)
                    ORDER BY public_id, deleted_at DESC, asset_id""", TRASHED, key.cloud(), key.resourceType(), key.type(),
                    publicIds.toArray(String[]::new)).forEach(t -> byName.computeIfAbsent(t.publicId(), n -> new ArrayList<>()).add(t));
        }
        return byName;
    }

    @Override
    public List<TrashedAsset> expired(String cloud, Instant before, int limit) {
        return jdbc.query("SELECT * FROM resource_trash WHERE cloud = ? AND deleted_at < ? ORDER BY deleted_at, asset_id LIMIT ?",
                TRASHED, cloud, Timestamp.from(before), limit);
    }

    @Override
    public List<TrashedAsset> trash(String cloud, Instant afterDeletedAt, String afterAssetId, int limit) {
        if (afterDeletedAt == null) {
            return jdbc.query("SELECT * FROM resource_trash WHERE cloud = ? ORDER BY deleted_at DESC, asset_id DESC LIMIT ?",
                    TRASHED, cloud, limit + 1);
        }
        return jdbc.query("""
                SELECT * FROM resource_trash WHERE cloud = ? AND (deleted_at, asset_id) < (?, ?)
                ORDER BY deleted_at DESC, asset_id DESC LIMIT ?""", TRASHED, cloud, Timestamp.from(afterDeletedAt), afterAssetId, limit + 1);
    }

    @Override
    public List<String> cloudsWithTrash() {
        // a loose index scan: one probe per cloud, however full the trash
        return jdbc.queryForList("""
                WITH RECURSIVE clouds AS (
                    (SELECT cloud FROM resource_trash ORDER BY cloud LIMIT 1)
                    UNION ALL
                    SELECT (SELECT t.cloud FROM resource_trash t WHERE t.cloud > c.cloud ORDER BY t.cloud LIMIT 1) FROM clouds c
                    WHERE c.cloud IS NOT NULL)
                SELECT cloud FROM clouds WHERE cloud IS NOT NULL""", String.class);
    }
}
