package io.darkroom.application.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Rebuilds one projection from the whole event store: its reset handler clears its tables,
 * then every event is handed to the same handlers that run live, in one transaction. Readers
 * keep seeing the old rows until the rebuilt ones commit (PostgreSQL's MVCC), so the API keeps
 * answering during a rebuild.
 */
public class ProjectionRebuilder {
    private final EventStorageEngine storage;
    private final TransactionManager transactions;

    public ProjectionRebuilder(EventStorageEngine storage, TransactionManager transactions) {
        this.storage = storage;
        this.transactions = transactions;
    }

    /** Replays every event into {@code projection}; answers how many events were read. */
    public long rebuild(Object projection) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        return transactions.fetchInTransaction(() -> {
            handlers.prepareReset();
            long count = 0;
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                while (iterator.hasNext()) {
                    EventMessage<?> event = iterator.next();
                    if (handlers.canHandle(event)) {
                        handle(handlers, event);
                    }
                    count++;
                }
            }
            return count;
        });
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, EventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("Replay failed at event " + event.getIdentifier(), e);
        }
    }
}
