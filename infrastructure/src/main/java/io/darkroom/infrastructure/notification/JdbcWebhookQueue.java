package io.darkroom.infrastructure.notification;

import io.darkroom.application.notification.WebhookQueue;
import io.darkroom.application.support.IdGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code webhook} and {@code webhook_attempt}: claims push {@code leased_until} forward with a fresh {@code lease_token}
 * (FOR UPDATE SKIP LOCKED: two nodes never claim one row); an attempt and the outcome are written in one transaction, and
 * only with the token of the claim that made them.
 */
public class JdbcWebhookQueue implements WebhookQueue {
    private static final RowMapper<Webhook> WEBHOOK = (rs, n) -> new Webhook(rs.getString("id"), rs.getString("cloud"),
            rs.getString("kind"), rs.getString("url"), rs.getBytes("body"), rs.getInt("attempts"), rs.getString("lease_token"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;

    public JdbcWebhookQueue(JdbcTemplate jdbc, TransactionTemplate transactions, IdGenerator ids) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public void add(String id, String cloud, String kind, String url, byte[] body) {
        jdbc.update("INSERT INTO webhook (id, cloud, kind, url, body, state) VALUES (?, ?, ?, ?, ?, 'pending')",
                id, cloud, kind, url, body);
    }

    @Override
    public List<Webhook> claim(Duration lease, int max) {
        return jdbc.query("""
                UPDATE webhook SET leased_until = now() + make_interval(secs => ?), lease_token = ?
                WHERE id IN (SELECT id FROM webhook WHERE state = 'pending' AND leased_until <= now()
                             ORDER BY leased_until LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""", WEBHOOK, (double) lease.toMillis() / 1000, ids.hex32(), max);
    }

    @Override
    public boolean record(Webhook webhook, Integer status, String error, String nextState, Duration retryIn) {
        Boolean recorded = transactions.execute(tx -> {
            int updated = jdbc.update("""
                    UPDATE webhook SET state = ?, attempts = attempts + 1, last_error = coalesce(?, last_error), lease_token = NULL,
                        leased_until = now() + make_interval(secs => ?),
                        finished_at = CASE WHEN ? IN ('delivered', 'failed') THEN now() END
                    WHERE id = ? AND lease_token = ?""",
                    nextState, error, (double) retryIn.toMillis() / 1000, nextState, webhook.id(), webhook.leaseToken());
            if (updated == 1) {
                jdbc.update("INSERT INTO webhook_attempt (webhook_id, attempt, status, error) VALUES (?, ?, ?, ?)",
                        webhook.id(), webhook.attempts() + 1, status, error);
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(recorded);
    }

    @Override
    public Optional<String> state(String id) {
        return jdbc.queryForList("SELECT state FROM webhook WHERE id = ?", String.class, id).stream().findFirst();
    }

    @Override
    public List<Attempt> attempts(String id) {
        return jdbc.query("SELECT * FROM webhook_attempt WHERE webhook_id = ? ORDER BY attempt", (rs, n) -> new Attempt(
                rs.getInt("attempt"), (Integer) rs.getObject("status"), rs.getString("error")), id);
    }

    @Override
    public long pending() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook WHERE state = 'pending'", Long.class);
        return count == null ? 0 : count;
    }
}
