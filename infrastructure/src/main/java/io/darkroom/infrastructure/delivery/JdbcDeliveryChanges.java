package io.darkroom.infrastructure.delivery;

import io.darkroom.application.delivery.DeliveryChanges;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;

/** The delivery invalidations from Axon's event table: one indexed range read per call. */
public class JdbcDeliveryChanges implements DeliveryChanges {
    private final JdbcTemplate jdbc;

    public JdbcDeliveryChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    @Override
    public List<Change> since(long after, Collection<Long> gaps, Collection<String> payloadTypes, int limit) {
        return jdbc.query("""
                        SELECT global_index, CASE WHEN payload_type = ANY (?) THEN aggregate_identifier END AS asset_id
                        FROM domain_event_entry WHERE global_index > ? OR global_index = ANY (?)
                        ORDER BY global_index LIMIT ?""",
                (rs, row) -> new Change(rs.getLong("global_index"), rs.getString("asset_id")),
                payloadTypes.toArray(String[]::new), after, gaps.toArray(Long[]::new), limit);
    }
}
