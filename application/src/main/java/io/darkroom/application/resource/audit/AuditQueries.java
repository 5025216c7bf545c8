package io.darkroom.application.resource.audit;

import io.darkroom.application.resource.listing.ResourceQueries;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.Page;

import java.time.Instant;
import java.util.List;

/** The cloud's audit trail, newest first, in keyset pages with signed cursors. */
public class AuditQueries {
    private final AuditLog log;
    private final CursorCodec cursors;

    public AuditQueries(AuditLog log, CursorCodec cursors) {
        this.log = log;
        this.cursors = cursors;
    }

    public Page<AuditEntry> list(String cloud, Instant since, Instant until, String actor, int limit, String nextCursor) {
        String scope = String.join("|", "audit", cloud, String.valueOf(since), String.valueOf(until), String.valueOf(actor));
        Long afterMicros = null;
        String afterEventId = null;
        if (nextCursor != null) {
            List<String> values = cursors.decode(scope, nextCursor, 2);
            afterMicros = Long.parseLong(values.get(0));
            afterEventId = values.get(1);
        }
        List<AuditEntry> rows = log.list(cloud, since, until, actor, afterMicros, afterEventId, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<AuditEntry> page = List.copyOf(rows.subList(0, limit));
        AuditEntry last = page.get(limit - 1);
        return new Page<>(page, cursors.encode(scope, List.of(String.valueOf(ResourceQueries.micros(last.occurredAt())),
                last.eventId())));
    }

}
