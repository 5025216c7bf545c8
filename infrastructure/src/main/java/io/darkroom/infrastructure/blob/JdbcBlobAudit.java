package io.darkroom.infrastructure.blob;

import io.darkroom.application.blob.BlobAudit;
import io.darkroom.application.blob.BlobStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit in PostgreSQL: the store's listing goes into a temporary table (in batches, so the node's heap holds one
 * batch however large the store), and the comparison is two set differences the database computes. Version keys are
 * {@link BlobStore#keyOf} in SQL; every version whose bytes are kept (live assets' and trashed ones') comes from the
 * versions read model.
 */
public class JdbcBlobAudit implements BlobAudit {
    private static final int BATCH = 1000;
    private static final String REFERENCED = """
            SELECT cloud || '/' || substr(version_id, 1, 2) || '/' || version_id AS blob_key
              FROM resource_version WHERE purged_at IS NULL
            UNION SELECT blob_key FROM derived_resource
            UNION SELECT blob_key FROM mo_derived
            UNION SELECT u.blob_key || '/' || lpad(p.first_byte::text, 13, '0')
                    FROM chunked_upload u JOIN chunked_upload_part p USING (upload_id)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcBlobAudit(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Report run(BlobStore store, int sample) {
        return transactions.execute(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE blob_inventory (blob_key text PRIMARY KEY) ON COMMIT DROP");
            jdbc.execute("CREATE TEMPORARY TABLE blob_referenced ON COMMIT DROP AS " + REFERENCED);
            List<String> batch = new ArrayList<>(BATCH);
            try {
                store.list("", blob -> {
                    batch.add(blob.key());
                    if (batch.size() == BATCH) {
                        insert(batch);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            insert(batch);
            jdbc.execute("ANALYZE blob_inventory");
            jdbc.execute("ANALYZE blob_referenced");
            String missing = "SELECT blob_key FROM blob_referenced EXCEPT SELECT blob_key FROM blob_inventory";
            String unreferenced = "SELECT blob_key FROM blob_inventory EXCEPT SELECT blob_key FROM blob_referenced "
                    + "EXCEPT SELECT blob_key FROM blob_deletion";
            return new Report(count("SELECT blob_key FROM blob_inventory"), count("SELECT DISTINCT blob_key FROM blob_referenced"),
                    count(missing), first(missing, sample), count(unreferenced), first(unreferenced, sample),
                    count("SELECT blob_key FROM blob_deletion"));
        });
    }

    private void insert(List<String> batch) {
        if (!batch.isEmpty()) {
            jdbc.update("INSERT INTO blob_inventory SELECT unnest(?::text[]) ON CONFLICT DO NOTHING", (Object) batch.toArray(String[]::new));
            batch.clear();
        }
    }

    private long count(String query) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM (" + query + ") q", Long.class);
        return count == null ? 0 : count;
    }

    private List<String> first(String query, int sample) {
        return jdbc.queryForList("SELECT blob_key FROM (" + query + ") q ORDER BY blob_key COLLATE \"C\" LIMIT ?", String.class, sample);
    }
}
