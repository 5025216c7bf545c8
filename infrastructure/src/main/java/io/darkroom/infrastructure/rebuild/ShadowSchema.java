package io.darkroom.infrastructure.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The schema {@value #NAME} where a rebuild writes: an unlogged copy of each read model's tables and the rebuild's saved
 * positions; comparing it with the live tables, and switching its rows into them.
 */
final class ShadowSchema {
    static final String NAME = "darkroom_rebuild";

    private ShadowSchema() {
    }

    /** The shadow schema and a copy of each table (structure, defaults, indexes), and the progress table. */
    static void prepare(JdbcTemplate live, List<ReadModel> readModels) {
        Integer logged = live.queryForObject("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = 'r' AND c.relpersistence = 'p'""", Integer.class, NAME);
        if (logged != null && logged > 0) {
            // left by a version that logged its shadow tables: mixed with unlogged ones a crash could keep positions
            // whose rows are gone, so that rebuild starts over
            live.execute("DROP SCHEMA " + NAME + " CASCADE");
        }
        live.execute("CREATE SCHEMA IF NOT EXISTS " + NAME);
        // unlogged: no WAL for rows that are scratch until the switch copies them into the live (logged) tables. A crash
        // empties every unlogged table, the positions with the rows, so the rebuild then starts over, never from a
        // position whose rows are gone
        live.execute("CREATE UNLOGGED TABLE IF NOT EXISTS " + NAME
                + ".rebuild_progress (projections TEXT PRIMARY KEY, position BIGINT NOT NULL, gaps BIGINT[] NOT NULL DEFAULT '{}')");
        live.execute("ALTER TABLE " + NAME + ".rebuild_progress ADD COLUMN IF NOT EXISTS gaps BIGINT[] NOT NULL DEFAULT '{}'");
        for (ReadModel readModel : readModels) {
            for (String table : readModel.tables()) {
                createCopy(live, table, readModel.uniqueIndexesOnly());
            }
            for (String table : readModel.scratchTables()) {
                createCopy(live, table, false);
            }
        }
    }

    /** Replaces the live rows of {@code tables} with the rebuilt ones and forgets the read models' positions. */
    static void switchInto(JdbcTemplate locked, List<String> tables, List<ReadModel> readModels) {
        for (String table : tables) {
            locked.execute("DELETE FROM public." + table);
            // generated columns (the listing's search words) are computed again, never written
            String columns = String.join(", ", locked.queryForList("""
                    SELECT quote_ident(column_name) FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position""",
                    String.class, table));
            locked.execute("INSERT INTO public." + table + " (" + columns + ") SELECT " + columns + " FROM " + NAME + "." + table);
        }
        for (ReadModel readModel : readModels) {
            locked.update("DELETE FROM " + NAME + ".rebuild_progress WHERE projections = ?", readModel.name());
        }
    }

    /** Rows in one side only, as JSON, at most {@code limit} per table and direction. */
    static List<String> differences(JdbcTemplate jdbc, List<String> tables, int limit) {
        List<String> differences = new ArrayList<>();
        for (String table : Set.copyOf(tables).stream().sorted().toList()) {
            for (String[] sides : new String[][] {{"public", NAME, "live only"}, {NAME, "public", "rebuilt only"}}) {
                jdbc.query("SELECT row_to_json(d)::text FROM (SELECT * FROM " + sides[0] + "." + table + " EXCEPT ALL SELECT * FROM "
                        + sides[1] + "." + table + ") d LIMIT " + limit, rs -> {
                    differences.add(table + " (" + sides[2] + "): " + rs.getString(1));
                });
            }
        }
        return differences;
    }

    /** The shadow copy of a live table (structure, defaults), with all its indexes or only its unique ones. */
    private static void createCopy(JdbcTemplate live, String table, boolean uniqueIndexesOnly) {
        if (Boolean.TRUE.equals(live.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, NAME + "." + table))) {
            return;
        }
        if (!uniqueIndexesOnly) {
            live.execute("CREATE UNLOGGED TABLE " + NAME + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            return;
        }
        live.execute("CREATE UNLOGGED TABLE " + NAME + "." + table + " (LIKE public." + table + " INCLUDING ALL EXCLUDING INDEXES)");
        uniqueIndexes(live, table).forEach(live::execute);
    }

    /** The live table's unique indexes, as statements creating them on its shadow copy. */
    private static List<String> uniqueIndexes(JdbcTemplate live, String table) {
        return live.queryForList("""
                        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid = ('public.' || ?)::regclass AND i.indisunique ORDER BY i.indexrelid""",
                        String.class, table).stream()
                .map(definition -> definition.replace(" ON public.", " ON " + NAME + "."))
                .toList();
    }
}
