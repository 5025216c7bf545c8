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
        return steps(cloud, assetId).stream().map(Step::entry).toList();
    }

    /** The history with each step's event and the version it stored or made current (null for other changes). */
    public List<Step> steps(String cloud, String assetId) {
        List<Step> history = new ArrayList<>();
        // from the first event: readEvents(assetId) would start at the latest snapshot
        DomainEventStream stream = events.readEvents(assetId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof ResourceEvent event) {
                if (!event.cloud().equals(cloud)) {
                    break;
                }
                history.add(new Step(AuditProjection.entryOf(event, message), event, versionOf(event)));
            }
        }
        if (history.isEmpty()) {
            throw DarkroomException.notFound("Resource not found - " + assetId);
        }
        return history;
    }

    /** The asset as it was at {@code instant} (empty when it did not exist yet). */
    public java.util.Map<String, Object> asOf(String cloud, String assetId, java.time.Instant instant) {
        return AssetAsOf.fold(steps(cloud, assetId).stream()
                .map(step -> java.util.Map.entry(step.entry().occurredAt(), step.event())).toList(), instant);
    }

    private static String versionOf(ResourceEvent event) {
        if (event instanceof io.darkroom.domain.resource.ResourceUploaded e) {
            return e.versionId();
        }
        if (event instanceof io.darkroom.domain.resource.ResourceVersionUploaded e) {
            return e.versionId();
        }
        if (event instanceof io.darkroom.domain.resource.ResourceRestored e) {
            return e.versionId();
        }
        return null;
    }

    /** One step of an asset's history. */
    public record Step(AuditEntry entry, ResourceEvent event, String versionId) {
    }
}
