package io.darkroom.application.resource.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change: the event's type (its class's simple name) and time, who made it (the
 * API key or {@code system}), from which request and address, on which resource, and what changed.
 */
public record AuditEntry(String eventId, String cloud, String assetId, String eventType, Instant occurredAt, String actor,
                         String requestId, String clientAddress, String resourceType, String type, String publicId,
                         Map<String, Object> changes) {
}
