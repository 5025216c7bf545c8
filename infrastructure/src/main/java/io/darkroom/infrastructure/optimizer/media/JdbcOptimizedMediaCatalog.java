package io.darkroom.infrastructure.optimizer.media;

import io.darkroom.application.optimizer.media.OptimizedMediaCatalog;
import io.darkroom.application.optimizer.media.OptimizedVariant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Optional;

/** {@code mo_derived}: one row per stored version, looked up by its primary key on every uncached delivery. */
public class JdbcOptimizedMediaCatalog implements OptimizedMediaCatalog {
    private static final RowMapper<OptimizedVariant> VARIANT = (rs, n) -> new OptimizedVariant(rs.getString("cloud"),
            rs.getString("media_id"), rs.getString("media_key"), rs.getString("variant_id"), rs.getString("resource_type"),
            rs.getString("transformation"), rs.getString("format"), rs.getLong("bytes"), rs.getInt("width"), rs.getInt("height"),
            rs.getString("blob_key"));

    private final JdbcTemplate jdbc;

    public JdbcOptimizedMediaCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(OptimizedVariant v) {
        jdbc.update("""
                INSERT INTO mo_derived (media_id, variant_id, cloud, media_key, resource_type, transformation, format, bytes, width,
                                        height, blob_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                v.mediaId(), v.variantId(), v.cloud(), v.mediaKey(), v.resourceType(), v.transformation(), v.format(), v.bytes(),
                v.width(), v.height(), v.blobKey());
    }

    @Override
    public Optional<OptimizedVariant> find(String mediaId, String variantId) {
        return jdbc.query("SELECT * FROM mo_derived WHERE media_id = ? AND variant_id = ?", VARIANT, mediaId, variantId)
                .stream().findFirst();
    }

    @Override
    public void removeAll(String mediaId) {
        jdbc.update("DELETE FROM mo_derived WHERE media_id = ?", mediaId);
    }

    @Override
    public void clear() {
        jdbc.update("TRUNCATE mo_derived");
    }
}
