package io.darkroom.infrastructure.delivery;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;

/**
 * Reads the event store as the bus of delivery invalidations: the assets of events of the given
 * types after a global index, and of indexes seen missing before (a transaction that took its index
 * earlier but committed later), so no node misses a change.
 */
public class JdbcDeliveryChanges {
    /** An event that changes what an asset delivers. */
    public record Change(long globalIndex, String assetId) {
    }

    private final JdbcTemplate jdbc;

    public JdbcDeliveryChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The head of the store: where a new node starts (its cache is empty). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** Events after {@code after} or at one of {@code gaps}, in index order, at most {@code limit}; every index, so gaps show. */
    public List<Change> since(long after, Collection<Long> gaps, Collection<String> payloadTypes, int limit) {
        return jdbc.query("""
                        SELECT global_index, CASE WHEN payload_type = ANY (?) THEN aggregate_identifier END AS asset_id
                        FROM domain_event_entry WHERE global_index > ? OR global_index = ANY (?)
                        ORDER BY global_index LIMIT ?""",
                (rs, row) -> new Change(rs.getLong("global_index"), rs.getString("asset_id")),
                payloadTypes.toArray(String[]::new), after, gaps.toArray(Long[]::new), limit);
    }
}
