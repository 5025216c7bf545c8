package io.darkroom.infrastructure.resource.upload;

import io.darkroom.application.resource.upload.chunked.PartialUpload;
import io.darkroom.application.resource.upload.chunked.PartialUploadStore;
import io.darkroom.application.resource.upload.chunked.UploadPart;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Chunked uploads in {@code chunked_upload} and {@code chunked_upload_part}. {@link #lock} inserts
 * the row if it is new ({@code ON CONFLICT DO NOTHING}, so two first parts racing on two nodes
 * create one) and locks it {@code FOR UPDATE}, which serialises the bookkeeping of one upload's parts.
 */
public class JdbcPartialUploadStore implements PartialUploadStore {
    /** {@link io.darkroom.application.resource.upload.chunked.PartialUpload#partKey} in SQL. */
    private static final String PART_KEY = "blob_key || '/' || lpad(first_byte::text, 13, '0')";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcPartialUploadStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public PartialUpload lock(String uploadId, String cloud, String newBlobKey) {
        if (newBlobKey != null) {
            jdbc.update("INSERT INTO chunked_upload (upload_id, cloud, blob_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    uploadId, cloud, newBlobKey);
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT cloud, blob_key, total_bytes, assembling FROM chunked_upload WHERE upload_id = ? FOR UPDATE", uploadId);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        List<UploadPart> parts = jdbc.query(
                "SELECT first_byte, last_byte, written FROM chunked_upload_part WHERE upload_id = ? ORDER BY first_byte",
                (rs, n) -> new UploadPart(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)), uploadId);
        return new PartialUpload((String) row.get("cloud"), (String) row.get("blob_key"),
                ((Number) row.get("total_bytes")).longValue(), (Boolean) row.get("assembling"), parts);
    }

    @Override
    public void reserve(String uploadId, long first, long last, long total) {
        jdbc.update("""
                INSERT INTO chunked_upload_part (upload_id, first_byte, last_byte) VALUES (?, ?, ?)
                ON CONFLICT (upload_id, first_byte) DO UPDATE SET last_byte = excluded.last_byte, written = false""",
                uploadId, first, last);
        jdbc.update("UPDATE chunked_upload SET total_bytes = ?, last_part_at = now() WHERE upload_id = ?", total, uploadId);
    }

    @Override
    public void markWritten(String uploadId, long first) {
        jdbc.update("UPDATE chunked_upload_part SET written = true WHERE upload_id = ? AND first_byte = ?", uploadId, first);
        jdbc.update("UPDATE chunked_upload SET last_part_at = now() WHERE upload_id = ?", uploadId);
    }

    @Override
    public void release(String uploadId, long first) {
        jdbc.update("DELETE FROM chunked_upload_part WHERE upload_id = ? AND first_byte = ? AND NOT written", uploadId, first);
    }

    @Override
    public void touch(String uploadId) {
        jdbc.update("UPDATE chunked_upload SET last_part_at = now() WHERE upload_id = ?", uploadId);
    }

    @Override
    public void markAssembling(String uploadId) {
        jdbc.update("UPDATE chunked_upload SET assembling = true, last_part_at = now() WHERE upload_id = ?", uploadId);
    }

    @Override
    public List<String> remove(String uploadId) {
        List<String> keys = jdbc.queryForList("""
                WITH parts AS (DELETE FROM chunked_upload_part WHERE upload_id = ? RETURNING first_byte),
                     upload AS (DELETE FROM chunked_upload WHERE upload_id = ? RETURNING blob_key)
                SELECT\s""" + PART_KEY + " FROM upload, parts", String.class, uploadId, uploadId);
        return keys;
    }

    @Override
    public int discardAbandoned(Duration grace) {
        Integer removed = transactions.execute(status -> {
            List<String> ids = jdbc.queryForList("""
                    WITH gone AS (
                        DELETE FROM chunked_upload WHERE upload_id IN (
                            SELECT upload_id FROM chunked_upload WHERE last_part_at < now() - ?::interval
                            ORDER BY last_part_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
                        RETURNING upload_id, blob_key),
                    parts AS (
                        DELETE FROM chunked_upload_part WHERE upload_id IN (SELECT upload_id FROM gone)
                        RETURNING upload_id, first_byte),
                    queued AS (
                        INSERT INTO blob_deletion (blob_key)
                        SELECT\s""" + PART_KEY + """
                         FROM gone JOIN parts USING (upload_id)
                        ON CONFLICT (blob_key) DO UPDATE SET not_before = least(blob_deletion.not_before, now()))
                    SELECT upload_id FROM gone""", String.class, grace.toMillis() + " milliseconds");
            return ids.size();
        });
        return removed == null ? 0 : removed;
    }
}
