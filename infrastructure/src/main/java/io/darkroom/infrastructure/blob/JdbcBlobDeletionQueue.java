package io.darkroom.infrastructure.blob;

import io.darkroom.application.resource.cleanup.BlobDeletionQueue;
import io.darkroom.infrastructure.postgres.UnitOfWorkInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The blob deletion queue in PostgreSQL. {@code FOR UPDATE SKIP LOCKED} lets several nodes
 * drain it at once without taking the same keys; a key is deleted in the transaction that
 * removed its file, so a crash leaves it queued for the next sweep.
 */
public class JdbcBlobDeletionQueue implements BlobDeletionQueue {
    private final JdbcTemplate jdbc;
    private final UnitOfWorkInserts inserts;
    private final TransactionTemplate transactions;

    public JdbcBlobDeletionQueue(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.inserts = new UnitOfWorkInserts(jdbc);
        this.transactions = transactions;
    }

    @Override
    public void enqueue(Collection<String> blobKeys) {
        inserts.insert("INSERT INTO blob_deletion (blob_key) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING",
                (Object) blobKeys.toArray(String[]::new));
    }

    @Override
    public List<String> drain(int limit, Consumer<List<String>> remover) {
        return transactions.execute(status -> {
            List<String> keys = jdbc.queryForList(
                    "SELECT blob_key FROM blob_deletion ORDER BY requested_at LIMIT ? FOR UPDATE SKIP LOCKED", String.class, limit);
            if (!keys.isEmpty()) {
                remover.accept(keys);
                jdbc.update("DELETE FROM blob_deletion WHERE blob_key = ANY (?)", (Object) keys.toArray(String[]::new));
            }
            return keys;
        });
    }
}
