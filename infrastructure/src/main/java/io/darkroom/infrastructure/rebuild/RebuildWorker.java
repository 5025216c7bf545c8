package io.darkroom.infrastructure.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import io.darkroom.infrastructure.rebuild.EventBatches.Indexed;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * One read model's rebuild: its own shadow connection ({@code search_path} set to the shadow schema, so the projection's
 * own SQL writes there), handlers and saved position, so read models are rebuilt side by side and each resumes where
 * it stopped.
 */
final class RebuildWorker {
    /** Gaps further behind than this many events are given up (a transaction that long is gone), as Axon's processors do. */
    private static final int MAX_GAP_OFFSET = 10_000;

    final ReadModel readModel;
    final long first;
    /** The events this read model holds: every one up to its index but its gaps (events not committed when read past). */
    volatile GapAwareTrackingToken token;
    /** How far it got, for progress only. */
    volatile long position;

    private final DataSource dataSource;
    private final Connection connection;
    private final ReadModel.Shadow shadow;
    private final AnnotationEventHandlerAdapter handlers;

    RebuildWorker(ReadModel readModel, DataSource dataSource, JdbcTemplate live) throws SQLException {
        this.readModel = readModel;
        this.dataSource = dataSource;
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + ShadowSchema.NAME);
        }
        SingleConnectionDataSource source = new SingleConnectionDataSource(connection, true);
        this.shadow = new ReadModel.Shadow(new JdbcTemplate(source), new TransactionTemplate(new DataSourceTransactionManager(source)));
        this.handlers = new AnnotationEventHandlerAdapter(readModel.handlers().apply(shadow));
        GapAwareTrackingToken saved = live.query("SELECT position, gaps FROM " + ShadowSchema.NAME
                        + ".rebuild_progress WHERE projections = ?",
                rs -> rs.next() ? GapAwareTrackingToken.newInstance(rs.getLong(1), Arrays.asList((Long[]) rs.getArray(2).getArray()))
                        : null, readModel.name());
        if (saved == null) {
            shadow.transactions().executeWithoutResult(status -> handlers.prepareReset());
        }
        this.token = saved;
        this.first = saved == null ? -1 : saved.getIndex();
        this.position = first;
    }

    boolean holds(Indexed event) {
        return token != null && event.index() <= token.getIndex() && !token.getGaps().contains(event.index());
    }

    /** The batch's events this read model does not hold yet, in one transaction with what it then holds. */
    void apply(List<Indexed> batch) {
        List<Indexed> unseen = batch.stream().filter(event -> !holds(event)).toList();
        if (unseen.isEmpty()) {
            return;
        }
        GapAwareTrackingToken reached = token == null ? GapAwareTrackingToken.newInstance(-1, Collections.emptySet()) : token;
        for (Indexed event : unseen) {
            reached = reached.advanceTo(event.index(), MAX_GAP_OFFSET);
        }
        GapAwareTrackingToken after = reached;
        shadow.transactions().executeWithoutResult(status -> {
            applyInUnitOfWork(unseen.stream().<TrackedEventMessage<?>>map(Indexed::event).toList());
            shadow.jdbc().update("""
                    INSERT INTO rebuild_progress (projections, position, gaps) VALUES (?, ?, ?)
                    ON CONFLICT (projections) DO UPDATE SET position = EXCLUDED.position, gaps = EXCLUDED.gaps""",
                    readModel.name(), after.getIndex(), after.getGaps().toArray(Long[]::new));
        });
        token = after;
        position = Math.max(position, after.getIndex());
    }

    /**
     * Back to the pool with the live search_path, or out of it: a pooled connection still pointing at the shadow
     * schema would send the next borrower's statements to the wrong tables. One its worker may still be using is
     * evicted at once.
     */
    void release(boolean idle) throws SQLException {
        try {
            if (!idle) {
                throw new IllegalStateException("the worker did not stop");
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (var statement = connection.createStatement()) {
                statement.execute("RESET search_path");
            }
        } catch (SQLException | RuntimeException e) {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                return;
            }
            // not pooled: closing it ends its session for good
        }
        connection.close();
    }

    /**
     * One batch in a unit of work, as a streaming processor runs it: projections that gather a batch's writes (usage's day
     * totals) write them once as it commits, inside the caller's transaction.
     */
    private void applyInUnitOfWork(List<TrackedEventMessage<?>> events) {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            for (TrackedEventMessage<?> event : events) {
                if (handlers.canHandle(event)) {
                    handle(event);
                }
            }
            unit.commit();
        } catch (RuntimeException e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            throw e;
        }
    }

    private void handle(TrackedEventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("Rebuild failed at event " + event.getIdentifier(), e);
        }
    }
}
