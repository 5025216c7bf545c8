package io.darkroom.infrastructure.derivation;

import io.darkroom.application.derivation.DerivationLock;
import io.darkroom.application.derivation.DerivedResource;
import io.darkroom.application.derivation.DerivedResourceCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code derived_resource}, and the derivation lock: a transaction-scoped PostgreSQL advisory lock on
 * the derived id's 64-bit hash, so concurrent first requests for one derivative, on any node, queue
 * behind the one deriving it.
 */
public class JdbcDerivedResourceCatalog implements DerivedResourceCatalog, DerivationLock {
    private static final RowMapper<DerivedResource> ROW = (rs, n) -> new DerivedResource(rs.getString("derived_id"),
            rs.getString("asset_id"), rs.getString("cloud"), rs.getString("version_id"), rs.getString("transformation"),
            rs.getString("format"), rs.getLong("bytes"), rs.getInt("width"), rs.getInt("height"), rs.getString("blob_key"));

    private final JdbcTemplate jdbc;

    public JdbcDerivedResourceCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(DerivedResource d, Instant createdAt) {
        jdbc.update("""
                INSERT INTO derived_resource (derived_id, asset_id, cloud, version_id, transformation, format, bytes, width, height,
                    blob_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (derived_id) DO NOTHING""",
                d.derivedId(), d.assetId(), d.cloud(), d.versionId(), d.transformation(), d.format(), d.bytes(), d.width(),
                d.height(), d.blobKey(), Timestamp.from(createdAt));
    }

    @Override
    public List<String> removeAll(String assetId) {
        return jdbc.queryForList("DELETE FROM derived_resource WHERE asset_id = ? RETURNING blob_key", String.class, assetId);
    }

    @Override
    public void remove(List<String> derivedIds) {
        jdbc.update("DELETE FROM derived_resource WHERE derived_id = ANY (?::char(32)[])", (Object) derivedIds.toArray(String[]::new));
    }

    @Override
    public List<DerivedResource> findAll(List<String> derivedIds) {
        return jdbc.query("SELECT * FROM derived_resource WHERE derived_id = ANY (?::char(32)[])", ROW, (Object) derivedIds.toArray(String[]::new));
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM derived_resource");
    }

    @Override
    public Optional<DerivedResource> find(String derivedId) {
        return jdbc.query("SELECT * FROM derived_resource WHERE derived_id = ?", ROW, derivedId).stream().findFirst();
    }

    @Override
    public List<DerivedResource> ofAsset(String assetId, String afterId, int limit) {
        return afterId == null
                ? jdbc.query("SELECT * FROM derived_resource WHERE asset_id = ? ORDER BY derived_id LIMIT ?", ROW, assetId, limit)
                : jdbc.query("SELECT * FROM derived_resource WHERE asset_id = ? AND derived_id > ? ORDER BY derived_id LIMIT ?", ROW,
                        assetId, afterId, limit);
    }

    @Override
    public List<DerivedResource> ofAssets(java.util.Collection<String> assetIds) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM derived_resource WHERE asset_id = ANY (?::char(32)[]) ORDER BY asset_id, derived_id", ROW,
                (Object) assetIds.toArray(String[]::new));
    }

    @Override
    public java.util.Set<String> usedAmong(String cloud, java.util.Collection<String> transformations) {
        if (transformations.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.queryForList("""
                SELECT t FROM unnest(?::text[]) AS t
                WHERE EXISTS (SELECT 1 FROM derived_resource d WHERE d.cloud = ? AND d.transformation = t)""",
                String.class, transformations.toArray(String[]::new), cloud));
    }

    @Override
    public List<DerivedResource> ofTransformation(String cloud, String transformation, int limit) {
        return jdbc.query("SELECT * FROM derived_resource WHERE cloud = ? AND transformation = ? ORDER BY derived_id LIMIT ?",
                ROW, cloud, transformation, limit);
    }

    @Override
    public void lock(String derivedId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))", derivedId);
    }
}
