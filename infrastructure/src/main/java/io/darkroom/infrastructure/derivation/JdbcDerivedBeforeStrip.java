package io.darkroom.infrastructure.derivation;

import io.darkroom.application.derivation.DerivedBeforeStrip;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** {@code derived_before_strip} (V18): taken rows are deleted in the caller's transaction, skipping rows another node holds. */
public class JdbcDerivedBeforeStrip implements DerivedBeforeStrip {
    private final JdbcTemplate jdbc;

    public JdbcDerivedBeforeStrip(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Entry> take(int limit) {
        return jdbc.query("""
                        DELETE FROM derived_before_strip WHERE (kind, cloud, id) IN (
                            SELECT kind, cloud, id FROM derived_before_strip LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING kind, cloud, id""",
                (rs, row) -> new Entry(rs.getString("kind"), rs.getString("cloud"), rs.getString("id")), limit);
    }
}
