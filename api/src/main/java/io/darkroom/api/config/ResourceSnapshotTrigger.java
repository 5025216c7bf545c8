package io.darkroom.api.config;

import io.darkroom.domain.resource.ResourceDeleted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Asks for a snapshot of a resource when its unit of work read or wrote more than
 * {@code threshold} events since the latest snapshot, unless that unit deleted it: Axon's event
 * count trigger would snapshot every asset of a 1000-asset deletion, only to store 1000 snapshots
 * nothing will ever load.
 */
final class ResourceSnapshotTrigger implements SnapshotTrigger {
    private final Class<?> aggregateType;
    private final Snapshotter snapshotter;
    private final int threshold;
    private int counted;
    private boolean deleted;
    private boolean asked;

    private ResourceSnapshotTrigger(Class<?> aggregateType, Snapshotter snapshotter, int threshold) {
        this.aggregateType = aggregateType;
        this.snapshotter = snapshotter;
        this.threshold = threshold;
    }

    static SnapshotTriggerDefinition definition(Snapshotter snapshotter, int threshold) {
        return aggregateType -> new ResourceSnapshotTrigger(aggregateType, snapshotter, threshold);
    }

    @Override
    public void eventHandled(EventMessage<?> message) {
        counted++;
        if (message.getPayload() instanceof ResourceDeleted) {
            deleted = true;
        }
        if (counted > threshold && !asked && message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
            asked = true;
            String aggregateId = event.getAggregateIdentifier();
            // at prepare-commit every event of the unit has been applied, the deletion included
            CurrentUnitOfWork.get().onPrepareCommit(unit -> {
                if (!deleted) {
                    snapshotter.scheduleSnapshot(aggregateType, aggregateId);
                }
            });
        }
    }

    @Override
    public void initializationFinished() {
        // counting goes on across loading and handling: both are what the next load would read
    }
}
