package io.darkroom.infrastructure.optimizer.cache;

import io.darkroom.application.optimizer.cache.WarmUpQueue;
import io.darkroom.application.support.IdGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code mo_warm_up}: claims push {@code leased_until} forward and take a fresh {@code lease_token} (FOR UPDATE SKIP LOCKED:
 * two nodes never claim one row); outcomes are written only with the token of the claim that made them.
 */
public class JdbcWarmUpQueue implements WarmUpQueue {
    private static final RowMapper<WarmUp> WARM_UP = (rs, n) -> new WarmUp(rs.getString("batch_id"), rs.getString("cloud"),
            rs.getString("url"), rs.getString("notification_url"), rs.getString("request_id"), rs.getString("state"),
            rs.getInt("attempts"), rs.getString("lease_token"), rs.getString("derive_error"));

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;

    public JdbcWarmUpQueue(JdbcTemplate jdbc, IdGenerator ids) {
        this.ids = ids;
        this.jdbc = jdbc;
    }

    @Override
    public void add(String batchId, String cloud, String url, String notificationUrl, String requestId) {
        jdbc.update("INSERT INTO mo_warm_up (batch_id, cloud, url, notification_url, request_id, state) VALUES (?, ?, ?, ?, ?, 'deriving')",
                batchId, cloud, url, notificationUrl, requestId);
    }

    @Override
    public Optional<WarmUp> claim(Duration lease) {
        return jdbc.query("""
                UPDATE mo_warm_up SET leased_until = now() + make_interval(secs => ?), lease_token = ?
                WHERE batch_id = (SELECT batch_id FROM mo_warm_up WHERE state IN ('deriving', 'notifying') AND leased_until <= now()
                                  ORDER BY leased_until LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *""", WARM_UP, (double) lease.toMillis() / 1000, ids.hex32()).stream().findFirst();
    }

    @Override
    public boolean advance(WarmUp warmUp, String state, String error, Duration retryIn) {
        return jdbc.update("""
                UPDATE mo_warm_up SET state = ?, last_error = coalesce(?, last_error), lease_token = NULL,
                    leased_until = now() + make_interval(secs => ?),
                    attempts = attempts + CASE WHEN ? = 'deriving' THEN 1 ELSE 0 END,
                    finished_at = CASE WHEN ? IN ('done', 'failed') THEN now() END
                WHERE batch_id = ? AND lease_token = ?""",
                state, error, (double) retryIn.toMillis() / 1000, state, state, warmUp.batchId(), warmUp.leaseToken()) == 1;
    }

    @Override
    public Optional<WarmUp> find(String batchId) {
        return jdbc.query("SELECT * FROM mo_warm_up WHERE batch_id = ?", WARM_UP, batchId).stream().findFirst();
    }
}
