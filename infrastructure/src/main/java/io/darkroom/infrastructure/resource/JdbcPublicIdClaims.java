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

    /** Two statements for any number of names; in name order, so that two batches lock shared names in one order. */
    @Override
    public Map<String, String> claimAll(String cloud, List<NameClaim> claims) {
        Map<String, String> holders = new HashMap<>();
        if (claims.isEmpty()) {
            return holders;
        }
        List<NameClaim> sorted = claims.stream().sorted(java.util.Comparator.comparing(NameClaim::resourceType)
                .thenComparing(NameClaim::type).thenComparing(NameClaim::publicId)).toList();
        Object[] columns = {cloud, sorted.stream().map(NameClaim::resourceType).toArray(String[]::new),
                sorted.stream().map(NameClaim::type).toArray(String[]::new),
                sorted.stream().map(NameClaim::publicId).toArray(String[]::new),
                sorted.stream().map(NameClaim::assetId).toArray(String[]::new)};
        jdbc.queryForList("""
                INSERT INTO public_id_claim (cloud, resource_type, type, public_id, asset_id)
                SELECT ?, u.r, u.t, u.p, u.a FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(r, t, p, a, n)
                ORDER BY u.n
                ON CONFLICT DO NOTHING RETURNING asset_id""", String.class, columns).forEach(id -> holders.put(id, id));
        List<NameClaim> taken = sorted.stream().filter(c -> !holders.containsKey(c.assetId())).toList();
        if (!taken.isEmpty()) {
            Map<String, String> byName = new HashMap<>();
            jdbc.query("""
                    SELECT c.resource_type, c.type, c.public_id, c.asset_id FROM public_id_claim c
                    JOIN unnest(?::text[], ?::text[], ?::text[]) AS u(r, t, p) ON c.resource_type = u.r AND c.type = u.t AND c.public_id = u.p
                    WHERE c.cloud = ? ORDER BY c.resource_type, c.type, c.public_id FOR UPDATE OF c""", rs -> {
                        byName.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3), rs.getString(4));
                    }, taken.stream().map(NameClaim::resourceType).toArray(String[]::new),
                    taken.stream().map(NameClaim::type).toArray(String[]::new),
                    taken.stream().map(NameClaim::publicId).toArray(String[]::new), cloud);
            taken.forEach(c -> holders.put(c.assetId(), byName.get(c.resourceType() + "/" + c.type() + "/" + c.publicId())));
        }
        return holders;
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
                "SELECT asset_id FROM public_id_claim WHERE asset_id = ANY (?::char(32)[]) ORDER BY asset_id FOR UPDATE",
                String.class, (Object) assetIds.toArray(String[]::new)));
    }

    @Override
    public void release(Collection<String> assetIds) {
        jdbc.update("DELETE FROM public_id_claim WHERE asset_id = ANY (?::char(32)[])", (Object) assetIds.toArray(String[]::new));
    }

    @Override
    public void releaseName(ResourceKey key, String oldPublicId, String assetId) {
        jdbc.update("DELETE FROM public_id_claim WHERE cloud = ? AND resource_type = ? AND type = ? AND public_id = ? AND asset_id = ?",
                key.cloud(), key.resourceType(), key.type(), oldPublicId, assetId);
    }
}
