package io.darkroom.infrastructure.resource.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.darkroom.application.resource.audit.AuditEntry;
import io.darkroom.application.resource.audit.AuditLog;
import io.darkroom.infrastructure.postgres.JsonColumns;
import io.darkroom.infrastructure.postgres.UnitOfWorkInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail table; listings are keyset scans of {@code (cloud[, actor], occurred_at, event_id)}. */
public class JdbcAuditLog implements AuditLog {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(rs.getString("event_id"),
            rs.getString("cloud"), rs.getString("asset_id"), rs.getString("event_type"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("request_id"),
            rs.getString("client_address"), rs.getString("resource_type"), rs.getString("type"), rs.getString("public_id"),
            read(rs.getString("changes")));

    private final JdbcTemplate jdbc;
    private final UnitOfWorkInserts inserts;

    public JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inserts = new UnitOfWorkInserts(jdbc);
    }

    @Override
    public void record(AuditEntry e) {
        inserts.insert("""
                INSERT INTO audit_entry (event_id, cloud, asset_id, event_type, occurred_at, actor, request_id, client_address,
                    resource_type, type, public_id, changes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                e.eventId(), e.cloud(), e.assetId(), e.eventType(), utc(e.occurredAt()), e.actor(), e.requestId(),
                e.clientAddress(), e.resourceType(), e.type(), e.publicId(), JsonColumns.jsonb(e.changes()));
    }

    @Override
    public List<AuditEntry> list(String cloud, Instant since, Instant until, String actor, Long afterMicros,
                                 String afterEventId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT event_id, cloud, asset_id, event_type, occurred_at, actor, request_id, "
                + "client_address, resource_type, type, public_id, changes::text AS changes FROM audit_entry WHERE cloud = ?");
        List<Object> args = new ArrayList<>(List.of(cloud));
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (since != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(utc(since));
        }
        if (until != null) {
            sql.append(" AND occurred_at < ?");
            args.add(utc(until));
        }
        if (afterMicros != null) {
            sql.append(" AND (occurred_at, event_id) < (?, ?)");
            args.add(utc(Instant.EPOCH.plus(afterMicros, ChronoUnit.MICROS)));
            args.add(afterEventId);
        }
        sql.append(" ORDER BY occurred_at DESC, event_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ENTRY, args.toArray());
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM audit_entry");
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Map<String, Object> read(String json) {
        return JsonColumns.read(json, MAP);
    }
}
