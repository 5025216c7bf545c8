package io.darkroom.infrastructure.transformation;

import io.darkroom.application.transformation.TransformationCatalog;
import io.darkroom.application.transformation.TransformationView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code transformation_listing}: upserts keyed by (cloud, name), keyset pages in name order. */
public class JdbcTransformationCatalog implements TransformationCatalog {
    private static final RowMapper<TransformationView> VIEW = (rs, n) -> new TransformationView(rs.getString("cloud"),
            rs.getString("name"), rs.getBoolean("named"), rs.getString("definition"), rs.getBoolean("allowed_for_strict"));

    private final JdbcTemplate jdbc;

    public JdbcTransformationCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(TransformationView view) {
        jdbc.update("""
                INSERT INTO transformation_listing (cloud, name, named, definition, allowed_for_strict) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (cloud, name) DO UPDATE SET named = excluded.named, definition = excluded.definition,
                    allowed_for_strict = excluded.allowed_for_strict""",
                view.cloud(), view.name(), view.named(), view.definition(), view.allowedForStrict());
    }

    @Override
    public void update(String cloud, String name, String definition, boolean allowedForStrict) {
        jdbc.update("UPDATE transformation_listing SET definition = ?, allowed_for_strict = ? WHERE cloud = ? AND name = ?",
                definition, allowedForStrict, cloud, name);
    }

    @Override
    public void delete(String cloud, String name) {
        jdbc.update("DELETE FROM transformation_listing WHERE cloud = ? AND name = ?", cloud, name);
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM transformation_listing");
    }

    @Override
    public Optional<TransformationView> find(String cloud, String name) {
        return jdbc.query("SELECT * FROM transformation_listing WHERE cloud = ? AND name = ?", VIEW, cloud, name).stream().findFirst();
    }

    @Override
    public List<TransformationView> list(String cloud, Boolean named, String afterName, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM transformation_listing WHERE cloud = ?");
        List<Object> args = new ArrayList<>(List.of(cloud));
        if (named != null) {
            sql.append(" AND named = ?");
            args.add(named);
        }
        if (afterName != null) {
            sql.append(" AND name > ?");
            args.add(afterName);
        }
        sql.append(" ORDER BY name LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }
}
