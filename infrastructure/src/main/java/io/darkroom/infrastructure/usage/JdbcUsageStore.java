package io.darkroom.infrastructure.usage;

import io.darkroom.application.usage.UsageDelta;
import io.darkroom.application.usage.UsageStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Usage in PostgreSQL: one statement per asset change, one batched upsert per batch of day totals. */
public class JdbcUsageStore implements UsageStore {
    private static final RowMapper<AssetUsage> ASSET = (rs, row) -> new AssetUsage(rs.getString("cloud"), rs.getString("folder"),
            rs.getLong("original_bytes"), rs.getLong("derived_count"), rs.getLong("derived_bytes"));

    private final JdbcTemplate jdbc;

    public JdbcUsageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Watermark> watermark() {
        // FOR SHARE holds a row-share lock on the table to the end of the batch: a rebuild's switch (EXCLUSIVE) waits for it
        return jdbc.query("SELECT position, gaps FROM usage_watermark FOR SHARE", (rs, row) -> {
            Long[] gaps = (Long[]) rs.getArray("gaps").getArray();
            return new Watermark(rs.getLong("position"), Set.of(gaps));
        }).stream().findFirst();
    }

    @Override
    public java.util.OptionalLong eventPosition(String eventIdentifier) {
        List<Long> found = jdbc.queryForList("SELECT global_index FROM public.domain_event_entry WHERE event_identifier = ?", Long.class,
                eventIdentifier);
        return found.isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(found.get(0));
    }

    @Override
    public void watermark(Watermark watermark) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO usage_watermark (id, position, gaps) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, gaps = EXCLUDED.gaps""");
            statement.setLong(1, watermark.position());
            statement.setArray(2, connection.createArrayOf("bigint", watermark.gaps().toArray()));
            return statement;
        });
    }

    @Override
    public void uploaded(String assetId, String cloud, String folder, long bytes) {
        jdbc.update("INSERT INTO usage_asset (asset_id, cloud, folder, original_bytes) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                assetId, cloud, folder, bytes);
    }

    @Override
    public Optional<AssetUsage> versionUploaded(String assetId, long bytes) {
        return one("""
                UPDATE usage_asset SET original_bytes = original_bytes + ? WHERE asset_id = ?
                RETURNING cloud, folder, original_bytes, 0 AS derived_count, 0 AS derived_bytes""", bytes, assetId);
    }

    @Override
    public Optional<AssetUsage> renamed(String assetId, String folder) {
        return one("""
                WITH before AS (SELECT cloud, folder, original_bytes FROM usage_asset WHERE asset_id = ? FOR UPDATE),
                     moved AS (UPDATE usage_asset SET folder = ? WHERE asset_id = ?)
                SELECT b.cloud, b.folder, b.original_bytes, count(d.*) AS derived_count, coalesce(sum(d.bytes), 0) AS derived_bytes
                FROM before b LEFT JOIN usage_derived d ON d.asset_id = ? GROUP BY b.cloud, b.folder, b.original_bytes""",
                assetId, folder, assetId, assetId);
    }

    @Override
    public Optional<AssetUsage> deleted(String assetId) {
        return one("""
                WITH asset AS (DELETE FROM usage_asset WHERE asset_id = ? RETURNING cloud, folder, original_bytes),
                     derived AS (DELETE FROM usage_derived WHERE asset_id = ? RETURNING bytes)
                SELECT a.cloud, a.folder, a.original_bytes, (SELECT count(*) FROM derived) AS derived_count,
                       (SELECT coalesce(sum(bytes), 0) FROM derived) AS derived_bytes FROM asset a""", assetId, assetId);
    }

    @Override
    public Optional<AssetUsage> trashed(String assetId) {
        return one("""
                WITH asset AS (UPDATE usage_asset SET trashed = true WHERE asset_id = ? AND NOT trashed
                               RETURNING cloud, folder, original_bytes),
                     derived AS (DELETE FROM usage_derived WHERE asset_id = ? RETURNING bytes)
                SELECT a.cloud, a.folder, a.original_bytes, (SELECT count(*) FROM derived) AS derived_count,
                       (SELECT coalesce(sum(bytes), 0) FROM derived) AS derived_bytes FROM asset a""", assetId, assetId);
    }

    @Override
    public Optional<AssetUsage> restored(String assetId) {
        return one("""
                UPDATE usage_asset SET trashed = false WHERE asset_id = ? AND trashed
                RETURNING cloud, folder, original_bytes, 0 AS derived_count, 0 AS derived_bytes""", assetId);
    }

    @Override
    public Optional<PurgedUsage> purged(String assetId, long bytes) {
        // a trashed asset left with no bytes holds nothing more: its row goes
        return jdbc.query("""
                WITH before AS (SELECT cloud, folder, trashed, original_bytes FROM usage_asset WHERE asset_id = ? FOR UPDATE),
                     kept AS (UPDATE usage_asset SET original_bytes = original_bytes - ? WHERE asset_id = ?
                              AND NOT (trashed AND original_bytes - ? <= 0)),
                     gone AS (DELETE FROM usage_asset WHERE asset_id = ? AND trashed AND original_bytes - ? <= 0)
                SELECT cloud, folder, trashed FROM before""",
                (rs, row) -> new PurgedUsage(rs.getString("cloud"), rs.getString("folder"), rs.getBoolean("trashed")),
                assetId, bytes, assetId, bytes, assetId, bytes).stream().findFirst();
    }

    @Override
    public Optional<AssetUsage> derived(String derivedId, String assetId, long bytes) {
        return one("""
                WITH added AS (INSERT INTO usage_derived (derived_id, asset_id, bytes)
                               SELECT ?, asset_id, ? FROM usage_asset WHERE asset_id = ? ON CONFLICT DO NOTHING RETURNING asset_id)
                SELECT a.cloud, a.folder, a.original_bytes, 1 AS derived_count, ? AS derived_bytes
                FROM usage_asset a JOIN added USING (asset_id)""", derivedId, bytes, assetId, bytes);
    }

    @Override
    public Optional<AssetUsage> derivedDeleted(String assetId, Collection<String> derivedIds) {
        return one("""
                WITH gone AS (DELETE FROM usage_derived WHERE asset_id = ? AND derived_id = ANY (?) RETURNING bytes)
                SELECT a.cloud, a.folder, a.original_bytes, (SELECT count(*) FROM gone) AS derived_count,
                       (SELECT coalesce(sum(bytes), 0) FROM gone) AS derived_bytes FROM usage_asset a WHERE a.asset_id = ?""",
                assetId, derivedIds.toArray(String[]::new), assetId);
    }

    @Override
    public void addDays(Map<String, Map<LocalDate, UsageDelta>> byCloudAndDay) {
        List<Object[]> rows = new ArrayList<>();
        byCloudAndDay.forEach((cloud, days) -> days.forEach((day, d) -> rows.add(new Object[] {cloud, Date.valueOf(day), d.resources(),
                d.derived(), d.storageBytes(), d.bandwidthBytes(), d.requests(), d.transformations(), d.adminCalls(),
                d.trashBytes()})));
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO usage_day AS u (cloud, day, resources, derived, storage_bytes, bandwidth_bytes, requests, transformations,
                                            admin_calls, trash_bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (cloud, day) DO UPDATE SET resources = u.resources + EXCLUDED.resources,
                    derived = u.derived + EXCLUDED.derived, storage_bytes = u.storage_bytes + EXCLUDED.storage_bytes,
                    bandwidth_bytes = u.bandwidth_bytes + EXCLUDED.bandwidth_bytes, requests = u.requests + EXCLUDED.requests,
                    transformations = u.transformations + EXCLUDED.transformations, admin_calls = u.admin_calls + EXCLUDED.admin_calls,
                    trash_bytes = u.trash_bytes + EXCLUDED.trash_bytes""",
                rows);
    }

    @Override
    public void addFolderDays(Map<String, Map<LocalDate, Map<String, Long>>> byCloudDayAndFolder) {
        List<Object[]> rows = new ArrayList<>();
        byCloudDayAndFolder.forEach((cloud, days) -> days.forEach((day, folders) -> folders.forEach((folder, bytes) ->
                rows.add(new Object[] {cloud, Date.valueOf(day), folder, bytes}))));
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO usage_folder_day AS u (cloud, day, folder, storage_bytes) VALUES (?, ?, ?, ?)
                ON CONFLICT (cloud, folder, day) DO UPDATE SET storage_bytes = u.storage_bytes + EXCLUDED.storage_bytes""", rows);
    }

    @Override
    public List<UsageDay> days(String cloud, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT * FROM usage_day WHERE cloud = ? AND day BETWEEN ? AND ? ORDER BY day",
                (rs, row) -> new UsageDay(rs.getDate("day").toLocalDate(), delta(rs)), cloud, Date.valueOf(from), Date.valueOf(to));
    }

    @Override
    public UsageDelta upTo(String cloud, LocalDate day) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(resources), 0) AS resources, coalesce(sum(derived), 0) AS derived,
                       coalesce(sum(storage_bytes), 0) AS storage_bytes, coalesce(sum(bandwidth_bytes), 0) AS bandwidth_bytes,
                       coalesce(sum(requests), 0) AS requests, coalesce(sum(transformations), 0) AS transformations,
                       coalesce(sum(admin_calls), 0) AS admin_calls, coalesce(sum(trash_bytes), 0) AS trash_bytes
                FROM usage_day WHERE cloud = ? AND day <= ?""", (rs, row) -> delta(rs), cloud, Date.valueOf(day));
    }

    @Override
    public Map<String, Long> folders(String cloud, LocalDate day) {
        Map<String, Long> folders = new LinkedHashMap<>();
        jdbc.query("""
                SELECT folder, sum(storage_bytes) AS bytes FROM usage_folder_day WHERE cloud = ? AND day <= ?
                GROUP BY folder HAVING sum(storage_bytes) <> 0 ORDER BY folder""",
                rs -> {
                    folders.put(rs.getString("folder"), rs.getLong("bytes"));
                }, cloud, Date.valueOf(day));
        return folders;
    }

    @Override
    public void clear() {
        jdbc.update("TRUNCATE usage_asset, usage_derived, usage_day, usage_folder_day, usage_watermark");
    }

    private Optional<AssetUsage> one(String sql, Object... args) {
        return jdbc.query(sql, ASSET, args).stream().findFirst();
    }

    private static UsageDelta delta(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UsageDelta(rs.getLong("resources"), rs.getLong("derived"), rs.getLong("storage_bytes"),
                rs.getLong("bandwidth_bytes"), rs.getLong("requests"), rs.getLong("transformations"), rs.getLong("admin_calls"),
                rs.getLong("trash_bytes"));
    }
}
