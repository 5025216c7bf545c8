package io.darkroom.infrastructure.folder;

import io.darkroom.application.folder.FolderCatalog;
import io.darkroom.application.folder.FolderQueries;
import io.darkroom.infrastructure.search.SearchSql;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder read model in PostgreSQL, and which assets a folder holds (from the listing rows). Folders a unit of work
 * files assets in are gathered and written once, as one statement, when it prepares to commit: a rebuild's batch of
 * thousands of uploads into a few folders costs one round trip, an upload one. Deletes and renames write the gathered
 * folders first, so the order of the history holds. A folder's subtree is the range {@code [path/, path0)}: with the C
 * collation {@code 0} is the character after {@code /}.
 */
public class JdbcFolderCatalog implements FolderCatalog, FolderQueries {
    private static final String ENSURE = """
            INSERT INTO folder (cloud, path, parent, created_at)
            SELECT DISTINCT ON (p.path) ?, p.path,
                   CASE WHEN strpos(p.path, '/') > 0 THEN regexp_replace(p.path, '/[^/]*$', '') ELSE '' END, w.at
            FROM unnest(?::text[], ?::timestamptz[]) AS w(folder, at)
            CROSS JOIN LATERAL (
                SELECT array_to_string((string_to_array(w.folder, '/'))[1:n], '/') AS path
                FROM generate_series(1, cardinality(string_to_array(w.folder, '/'))) AS n) p
            ORDER BY p.path, w.at
            ON CONFLICT (cloud, path) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;
    private final String resourceKey = JdbcFolderCatalog.class.getName() + "@" + System.identityHashCode(this);

    public JdbcFolderCatalog(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Folder to the earliest time it was filed in, per cloud, held in the current unit of work; null without one. */
    private Map<String, Map<String, Instant>> held() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        return unit.getOrComputeResource(resourceKey, key -> {
            Map<String, Map<String, Instant>> folders = new LinkedHashMap<>();
            unit.onPrepareCommit(u -> flush(folders));
            return folders;
        });
    }

    @Override
    public void ensure(String cloud, Collection<String> paths, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        Map<String, Map<String, Instant>> held = held();
        if (held == null) {
            write(cloud, paths.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> when, (a, b) -> a)));
            return;
        }
        Map<String, Instant> ofCloud = held.computeIfAbsent(cloud, c -> new LinkedHashMap<>());
        paths.forEach(path -> ofCloud.putIfAbsent(path, when));
    }

    private void flush(Map<String, Map<String, Instant>> held) {
        held.forEach(this::write);
        held.clear();
    }

    private void flushHeld() {
        Map<String, Map<String, Instant>> held = held();
        if (held != null) {
            flush(held);
        }
    }

    private void write(String cloud, Map<String, Instant> folders) {
        if (folders.isEmpty()) {
            return;
        }
        List<String> paths = new ArrayList<>(folders.keySet());
        Timestamp[] times = paths.stream().map(p -> Timestamp.from(folders.get(p))).toArray(Timestamp[]::new);
        jdbc.update(ENSURE, cloud, paths.toArray(String[]::new), times);
    }

    @Override
    public void delete(String cloud, String path) {
        flushHeld();
        jdbc.update("DELETE FROM folder WHERE cloud = ? AND (path = ? OR (path >= ? AND path < ?))",
                cloud, path, path + "/", path + "0");
    }

    @Override
    public void rename(String cloud, String from, String to, Instant at) {
        flushHeld();
        jdbc.update("""
                WITH moved AS (
                    DELETE FROM folder WHERE cloud = ? AND (path = ? OR (path >= ? AND path < ?))
                    RETURNING path, created_at)
                INSERT INTO folder (cloud, path, parent, created_at)
                SELECT ?, n.path, CASE WHEN strpos(n.path, '/') > 0 THEN regexp_replace(n.path, '/[^/]*$', '') ELSE '' END,
                       moved.created_at
                FROM moved CROSS JOIN LATERAL (SELECT ? || substr(moved.path, ?) AS path) n
                ON CONFLICT (cloud, path) DO NOTHING""",
                cloud, from, from + "/", from + "0", cloud, to, from.length() + 1);
        write(cloud, Map.of(to, at.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Override
    public void clear() {
        Map<String, Map<String, Instant>> held = held();
        if (held != null) {
            held.clear();
        }
        jdbc.update("DELETE FROM folder");
    }

    @Override
    public List<FolderRow> children(String cloud, String parent, String afterPath, int limit) {
        return jdbc.query("""
                SELECT path, created_at FROM folder WHERE cloud = ? AND parent = ? AND path > ?
                ORDER BY path LIMIT ?""",
                (rs, row) -> new FolderRow(rs.getString("path"), rs.getTimestamp("created_at").toInstant()),
                cloud, parent, afterPath == null ? "" : afterPath, limit);
    }

    @Override
    public long countChildren(String cloud, String parent) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM folder WHERE cloud = ? AND parent = ?", Long.class, cloud, parent);
        return count == null ? 0 : count;
    }

    @Override
    public List<String> subtree(String cloud, String path) {
        return jdbc.queryForList("SELECT path FROM folder WHERE cloud = ? AND path >= ? AND path < ? ORDER BY path", String.class,
                cloud, path + "/", path + "0");
    }

    @Override
    public boolean exists(String cloud, String path) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM folder WHERE cloud = ? AND path = ?)",
                Boolean.class, cloud, path));
    }

    @Override
    public boolean holdsAssets(String cloud, String path) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM resource_listing
                               WHERE cloud = ? AND (asset_folder = ? OR (asset_folder >= ? AND asset_folder < ?)))""",
                Boolean.class, cloud, path, path + "/", path + "0"));
    }

    /** Folder search's fields: {@code name} and {@code path} compare as text, {@code path:a/*} is a subtree. */
    private static String folderColumn(io.darkroom.application.search.SearchField field) {
        return switch (field) {
            case DISPLAY_NAME -> "regexp_replace(f.path, '^.*/', '')";
            case ASSET_FOLDER -> "f.path";
            case CREATED_AT -> "f.created_at";
            default -> null;
        };
    }

    @Override
    public FolderMatches search(String cloud, io.darkroom.application.search.SearchNode expression, String afterPath, int limit) {
        SearchSql.Condition condition = SearchSql.of(expression, clock, JdbcFolderCatalog::folderColumn);
        List<Object> args = new ArrayList<>();
        args.add(cloud);
        args.addAll(condition.args());
        String where = " FROM folder f WHERE f.cloud = ? AND (" + condition.sql() + ")";
        Long total = jdbc.queryForObject("SELECT count(*)" + where, Long.class, args.toArray());
        args.add(afterPath == null ? "" : afterPath);
        args.add(limit);
        List<FolderRow> rows = jdbc.query("SELECT f.path, f.created_at" + where + " AND f.path > ? ORDER BY f.path LIMIT ?",
                (rs, row) -> new FolderRow(rs.getString("path"), rs.getTimestamp("created_at").toInstant()), args.toArray());
        return new FolderMatches(rows, total == null ? 0 : total);
    }

    @Override
    public List<Filed> assetsIn(String cloud, String path, int limit) {
        return jdbc.query("""
                SELECT asset_id, asset_folder FROM resource_listing
                WHERE cloud = ? AND (asset_folder = ? OR (asset_folder >= ? AND asset_folder < ?)) LIMIT ?""",
                (rs, row) -> new Filed(rs.getString("asset_id"), rs.getString("asset_folder")),
                cloud, path, path + "/", path + "0", limit);
    }
}
