package io.darkroom.application.resource.audit;

import java.time.Instant;
import java.util.List;

/** Port: the cloud-wide audit trail, written only by {@link AuditProjection}. */
public interface AuditLog {
    /** Records one entry; recording the same event twice keeps one. */
    void record(AuditEntry entry);

    /**
     * Newest first, within [since, until) when given, by one actor when given, after the keyset
     * position ({@code afterMicros}, {@code afterEventId}) when given; up to {@code limit} entries.
     */
    List<AuditEntry> list(String cloud, Instant since, Instant until, String actor, Long afterMicros, String afterEventId,
                          int limit);

    void clear();
}
