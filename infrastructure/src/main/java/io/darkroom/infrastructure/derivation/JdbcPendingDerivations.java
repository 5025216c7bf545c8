package io.darkroom.infrastructure.derivation;

import io.darkroom.application.derivation.PendingDerivations;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code eager_async} queue in PostgreSQL: a claim is one statement that skips rows other nodes hold. */
public class JdbcPendingDerivations implements PendingDerivations {
    private final JdbcTemplate jdbc;

    public JdbcPendingDerivations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(String cloud, String assetId, List<String> transformations, String batchId, String notificationUrl) {
        if (notificationUrl != null) {
            jdbc.update("""
                    INSERT INTO eager_batch (batch_id, cloud, asset_id, transformations, notification_url, remaining)
                    VALUES (?, ?, ?, ?, ?, ?)""", batchId, cloud, assetId, String.join("|", transformations), notificationUrl,
                    transformations.size());
        }
        jdbc.batchUpdate("INSERT INTO pending_derivation (cloud, asset_id, transformation, batch_id) VALUES (?, ?, ?, ?)",
                transformations.stream().map(t -> new Object[] {cloud, assetId, t, batchId}).toList());
    }

    @Override
    public Optional<Pending> claim(Duration lease) {
        return jdbc.query("""
                        UPDATE pending_derivation SET leased_until = now() + make_interval(secs => ?), attempts = attempts + 1
                        WHERE id = (SELECT id FROM pending_derivation WHERE leased_until <= now()
                                    ORDER BY leased_until, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, cloud, asset_id, transformation, batch_id, attempts""",
                (rs, row) -> new Pending(rs.getLong("id"), rs.getString("cloud"), rs.getString("asset_id"),
                        rs.getString("transformation"), rs.getString("batch_id"), rs.getInt("attempts")),
                (double) lease.toMillis() / 1000).stream().findFirst();
    }

    @Override
    public Optional<FinishedBatch> done(Pending work) {
        if (jdbc.update("DELETE FROM pending_derivation WHERE id = ?", work.id()) == 0) {
            return Optional.empty(); // another node finished it after its lease ran out here
        }
        // the row lock of the decrement orders the batch's last finishers: exactly one of them sees 0
        Optional<FinishedBatch> finished = jdbc.query("""
                        UPDATE eager_batch SET remaining = remaining - 1 WHERE batch_id = ?
                        RETURNING batch_id, cloud, asset_id, transformations, notification_url, remaining""",
                (rs, n) -> rs.getInt("remaining") > 0 ? null : new FinishedBatch(rs.getString("batch_id"), rs.getString("cloud"),
                        rs.getString("asset_id"), List.of(rs.getString("transformations").split("\\|")), rs.getString("notification_url")),
                work.batchId()).stream().filter(java.util.Objects::nonNull).findFirst();
        finished.ifPresent(batch -> jdbc.update("DELETE FROM eager_batch WHERE batch_id = ?", batch.batchId()));
        return finished;
    }

    @Override
    public int count() {
        return jdbc.queryForObject("SELECT count(*) FROM pending_derivation", Integer.class);
    }
}
