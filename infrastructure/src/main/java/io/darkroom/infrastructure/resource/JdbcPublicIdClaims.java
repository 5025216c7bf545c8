package io.darkroom.infrastructure.resource;

import io.darkroom.application.resource.PublicIdClaims;
import io.darkroom.application.resource.ResourceKey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims names with {@code INSERT ... ON CONFLICT DO NOTHING}: a concurrent claim of the same
 * name waits for the first transaction and then either takes the name (the first rolled back)
 * or sees the holder. A name already held is locked ({@code FOR UPDATE}) until the transaction
 * ends, so overwrites of one name queue up on every node instead of racing for the aggregate's
 * next event slot. Must run inside the transaction that appends the event.
 */
public class JdbcPublicIdClaims implements PublicIdClaims {
    private final JdbcTemplate jdbc;

    public JdbcPublicIdClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String claim(ResourceKey key, String publicId, String assetId) {
        List<String> inserted = jdbc.queryForList("""
                INSERT INTO public_id_claim (cloud, resource_type, type, public_id, asset_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING asset_id""", String.class, key.cloud(), key.resourceType(), key.type(), publicId, assetId);
        if (!inserted.isEmpty()) {
            return inserted.get(0);
        }
        return jdbc.queryForObject("""
                SELECT asset_id FROM public_id_claim WHERE cloud = ? AND resource_type = ? AND type = ? AND public_id = ?
                FOR UPDATE""",
                String.class, key.cloud(), key.resourceType(), key.type(), publicId);
    }

    @Override
    public Map<String, String> holders(ResourceKey key, Collection<String> publicIds) {
        Map<String, String> holders = new HashMap<>();
        // the most frequent call names one resource: with "= ANY (?)" PostgreSQL planned it anew on every
        // execution (planning took three times as long as running it); "= ?" runs on a cached plan
        boolean one = publicIds.size() == 1;
        jdbc.query("SELECT public_id, asset_id FROM public_id_claim WHERE cloud = ? AND resource_type = ? AND type = ? AND "
                        + (one ? "public_id = ?" : "public_id = ANY (?)"),
                rs -> {
                    holders.put(rs.getString("public_id"), rs.getString("asset_id"));
                }, key.cloud(), key.resourceType(), key.type(), one ? publicIds.iterator().next() : publicIds.toArray(String[]::new));
        return holders;
    }

    @Override
    public Set<String> lock(Collection<String> assetIds) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT asset_id FROM public_id_claim WHERE asset_id = ANY (?) ORDER BY asset_id FOR UPDATE",
                String.class, (Object) assetIds.toArray(String[]::new)));
    }

    @Override
    public void release(Collection<String> assetIds) {
        jdbc.update("DELETE FROM public_id_claim WHERE asset_id = ANY (?)", (Object) assetIds.toArray(String[]::new));
    }

    @Override
    public void releaseName(ResourceKey key, String oldPublicId, String assetId) {
        jdbc.update("DELETE FROM public_id_claim WHERE cloud = ? AND resource_type = ? AND type = ? AND public_id = ? AND asset_id = ?",
                key.cloud(), key.resourceType(), key.type(), oldPublicId, assetId);
    }
}
