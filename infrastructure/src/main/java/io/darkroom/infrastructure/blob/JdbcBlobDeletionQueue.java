package io.darkroom.infrastructure.blob;

import io.darkroom.application.blob.BlobDeletionQueue;
import io.darkroom.infrastructure.postgres.UnitOfWorkInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
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
    private final TransactionTemplate ownTransaction;

    public JdbcBlobDeletionQueue(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.inserts = new UnitOfWorkInserts(jdbc);
        this.transactions = transactions;
        this.ownTransaction = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void enqueue(Collection<String> blobKeys) {
        inserts.insert("""
                INSERT INTO blob_deletion (blob_key) SELECT unnest(?::text[])
                ON CONFLICT (blob_key) DO UPDATE SET not_before = least(blob_deletion.not_before, now())""",
                (Object) blobKeys.toArray(String[]::new));
    }

    @Override
    public void enqueueLater(String blobKey, Duration grace) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO blob_deletion (blob_key, not_before) VALUES (?, now() + ?::interval) ON CONFLICT DO NOTHING",
                blobKey, grace.toMillis() + " milliseconds"));
    }

    @Override
    public void cancel(String blobKey) {
        jdbc.update("DELETE FROM blob_deletion WHERE blob_key = ?", blobKey);
    }

    @Override
    public List<String> drain(int limit, Consumer<List<String>> remover) {
        return transactions.execute(status -> {
            List<String> keys = jdbc.queryForList(
                    "SELECT blob_key FROM blob_deletion WHERE not_before <= now() ORDER BY not_before LIMIT ? FOR UPDATE SKIP LOCKED", String.class, limit);
            if (!keys.isEmpty()) {
                remover.accept(keys);
                jdbc.update("DELETE FROM blob_deletion WHERE blob_key = ANY (?)", (Object) keys.toArray(String[]::new));
            }
            return keys;
        });
    }
}
