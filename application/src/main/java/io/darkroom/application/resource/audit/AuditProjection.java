package io.darkroom.application.resource.audit;

import io.darkroom.domain.resource.ResourceEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

import java.time.temporal.ChronoUnit;

/** Keeps the audit trail: one entry per resource event, with the event's metadata. */
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {
    public static final String PROCESSING_GROUP = "audit";

    private final AuditLog log;

    public AuditProjection(AuditLog log) {
        this.log = log;
    }

    @EventHandler
    void on(ResourceEvent event, EventMessage<?> message) {
        log.record(entryOf(event, message));
    }

    @ResetHandler
    void reset() {
        log.clear();
    }

    /** Times at the event store's precision (milliseconds), so live and replayed entries are equal. */
    static AuditEntry entryOf(ResourceEvent event, EventMessage<?> message) {
        Object actor = message.getMetaData().get("actor");
        Object requestId = message.getMetaData().get("requestId");
        Object clientAddress = message.getMetaData().get("clientAddress");
        return new AuditEntry(message.getIdentifier(), event.cloud(), event.assetId(), event.getClass().getSimpleName(),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), actor == null ? "system" : actor.toString(),
                requestId == null ? null : requestId.toString(), clientAddress == null ? null : clientAddress.toString(),
                event.resourceType(), event.type(), event.publicId(), EventChanges.of(event));
    }
}
