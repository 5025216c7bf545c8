package io.darkroom.infrastructure.postgres;

import io.darkroom.application.support.AggregatePrefetch;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Axon's JDBC event storage with three changes for PostgreSQL and this domain:
 * <ul>
 * <li>no snapshot lookup: Darkroom takes no snapshots, and the lookup was one of every command's
 * round trips (whoever introduces snapshots removes {@link #readSnapshot});</li>
 * <li>an aggregate's events in one query: Axon asks again until it gets an empty batch, though an
 * aggregate's sequence numbers have no gaps and a batch shorter than the batch size is the last;</li>
 * <li>{@link #prefetch}: the events of many aggregates in one query, kept in the current root unit
 * of work, from which each aggregate's first load is then answered (a 250-asset deletion batch
 * read its events with 250 queries).</li>
 * </ul>
 */
public final class PostgresEventStorageEngine extends JdbcEventStorageEngine implements AggregatePrefetch {
    private static final String PREFETCHED = PostgresEventStorageEngine.class.getName() + ".prefetched";

    private final ConnectionProvider connections;

    public PostgresEventStorageEngine(Builder builder, ConnectionProvider connections) {
        super(builder);
        this.connections = connections;
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    public void prefetch(Collection<String> aggregateIds) {
        if (!CurrentUnitOfWork.isStarted() || aggregateIds.size() < 2) {
            return;
        }
        Map<String, List<DomainEventData<?>>> events = new HashMap<>();
        aggregateIds.forEach(id -> events.put(id, new ArrayList<>()));
        EventSchema schema = schema();
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ANY (?)"
                + " ORDER BY " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
        try {
            Connection connection = connections.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        DomainEventData<?> event = getDomainEventData(rows);
                        events.get(event.getAggregateIdentifier()).add(event);
                    }
                }
            } finally {
                connection.close(); // the transaction's connection: closing only hands it back to Spring
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not prefetch the events of " + aggregateIds.size() + " aggregates", e);
        }
        CurrentUnitOfWork.get().root().getOrComputeResource(PREFETCHED, key -> new HashMap<String, List<DomainEventData<?>>>())
                .putAll(events);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        if (firstSequenceNumber == 0 && CurrentUnitOfWork.isStarted()) {
            Map<String, List<DomainEventData<?>>> prefetched = CurrentUnitOfWork.get().root().getResource(PREFETCHED);
            List<DomainEventData<?>> events = prefetched == null ? null : prefetched.remove(aggregateIdentifier);
            if (events != null) {
                // a list longer than a batch is fine: the next call asks from after its last event
                return events;
            }
        }
        return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }
}
