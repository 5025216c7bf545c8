package io.darkroom.infrastructure.postgres;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only inserts of projections (audit entries, blob deletions) that nothing reads back
 * inside the same unit of work. While an Axon unit of work is active they are collected and sent
 * as one JDBC batch per statement when it prepares to commit, so a unit handling 250 deletions
 * costs one round trip per table instead of 250; still inside the transaction, so they commit or
 * roll back with the events. Without a unit of work (a replay) each insert runs at once.
 */
public final class UnitOfWorkInserts {
    private final JdbcTemplate jdbc;
    private final String resourceKey = UnitOfWorkInserts.class.getName() + "@" + System.identityHashCode(this);

    public UnitOfWorkInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, List<Object[]>> pending = unitOfWork.getOrComputeResource(resourceKey, key -> {
            Map<String, List<Object[]>> statements = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> flush(statements));
            return statements;
        });
        pending.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    private void flush(Map<String, List<Object[]>> statements) {
        statements.forEach((sql, rows) -> {
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
            } else {
                jdbc.batchUpdate(sql, rows);
            }
        });
        statements.clear();
    }
}
