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
    public void enqueue(String cloud, String assetId, List<String> transformations, String batchId) {
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
    public void done(long id) {
        jdbc.update("DELETE FROM pending_derivation WHERE id = ?", id);
    }

    @Override
    public int count() {
        return jdbc.queryForObject("SELECT count(*) FROM pending_derivation", Integer.class);
    }
}
