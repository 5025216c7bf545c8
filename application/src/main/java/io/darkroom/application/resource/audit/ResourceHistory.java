package io.darkroom.application.resource.audit;

import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.ResourceEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;

/**
 * An asset's history, oldest first, read straight from the event store (so it works for
 * deleted assets too). Another cloud's asset is not found, exactly like a missing one.
 */
public class ResourceHistory {
    private final EventStore events;

    public ResourceHistory(EventStore events) {
        this.events = events;
    }

    public List<AuditEntry> of(String cloud, String assetId) {
        List<AuditEntry> history = new ArrayList<>();
        // from the first event: readEvents(assetId) would start at the latest snapshot
        DomainEventStream stream = events.readEvents(assetId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof ResourceEvent event) {
                if (!event.cloud().equals(cloud)) {
                    break;
                }
                history.add(AuditProjection.entryOf(event, message));
            }
        }
        if (history.isEmpty()) {
            throw DarkroomException.notFound("Resource not found - " + assetId);
        }
        return history;
    }
}
