package io.darkroom.infrastructure.folder;

import io.darkroom.application.folder.FolderMoveQueue;
import io.darkroom.infrastructure.postgres.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code folder_move}: a claim sets a fresh {@code lease_token} and pushes {@code leased_until} forward (FOR UPDATE SKIP
 * LOCKED: two nodes never claim one row); renewing and removing need that token, so a node whose lease ran out while it
 * was paused cannot take a rename back from the node that took it over.
 */
public class JdbcFolderMoveQueue implements FolderMoveQueue {
    private final JdbcTemplate jdbc;

    public JdbcFolderMoveQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String cloud, String from, String to, Map<String, String> origin) {
        jdbc.update("INSERT INTO folder_move (cloud, from_path, to_path, origin) VALUES (?, ?, ?, ?)",
                cloud, from, to, JsonColumns.jsonb(origin));
    }

    @Override
    public Optional<Move> claim(Duration lease) {
        List<Move> claimed = jdbc.query("""
                        UPDATE folder_move SET leased_until = now() + make_interval(secs => ?), lease_token = ?
                        WHERE id = (SELECT id FROM folder_move WHERE leased_until IS NULL OR leased_until <= now()
                                    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, cloud, from_path, to_path, origin::text AS origin, lease_token""",
                (rs, row) -> new Move(rs.getLong("id"), rs.getString("cloud"), rs.getString("from_path"), rs.getString("to_path"),
                        JsonColumns.map(rs.getString("origin")), rs.getString("lease_token")),
                seconds(lease), UUID.randomUUID().toString());
        return claimed.stream().findFirst();
    }

    @Override
    public boolean renew(Move move, Duration lease) {
        return jdbc.update("UPDATE folder_move SET leased_until = now() + make_interval(secs => ?) WHERE id = ? AND lease_token = ?",
                seconds(lease), move.id(), move.leaseToken()) == 1;
    }

    @Override
    public void remove(Move move) {
        jdbc.update("DELETE FROM folder_move WHERE id = ? AND lease_token = ?", move.id(), move.leaseToken());
    }

    @Override
    public long pending() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM folder_move", Long.class);
        return count == null ? 0 : count;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
