package io.darkroom.infrastructure.upload;

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
 * create one) and locks it {@code FOR UPDATE}, which serialises the parts of one upload.
 */
public class JdbcPartialUploadStore implements PartialUploadStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcPartialUploadStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public PartialUpload lock(String uploadId, String cloud) {
        jdbc.update("INSERT INTO chunked_upload (upload_id, cloud) VALUES (?, ?) ON CONFLICT DO NOTHING", uploadId, cloud);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT cloud, total_bytes, assembling FROM chunked_upload WHERE upload_id = ? FOR UPDATE", uploadId);
        List<UploadPart> parts = jdbc.query(
                "SELECT first_byte, last_byte, blob_key FROM chunked_upload_part WHERE upload_id = ? ORDER BY first_byte",
                (rs, n) -> new UploadPart(rs.getLong(1), rs.getLong(2), rs.getString(3)), uploadId);
        return new PartialUpload((String) row.get("cloud"), ((Number) row.get("total_bytes")).longValue(),
                (Boolean) row.get("assembling"), parts);
    }

    @Override
    public void addPart(String uploadId, UploadPart part, long total) {
        jdbc.update("""
                INSERT INTO chunked_upload_part (upload_id, first_byte, last_byte, blob_key) VALUES (?, ?, ?, ?)
                ON CONFLICT (upload_id, first_byte) DO UPDATE SET last_byte = excluded.last_byte, blob_key = excluded.blob_key""",
                uploadId, part.first(), part.last(), part.blobKey());
        jdbc.update("UPDATE chunked_upload SET total_bytes = ?, last_part_at = now() WHERE upload_id = ?", total, uploadId);
    }

    @Override
    public void markAssembling(String uploadId) {
        jdbc.update("UPDATE chunked_upload SET assembling = true, last_part_at = now() WHERE upload_id = ?", uploadId);
    }

    @Override
    public List<String> remove(String uploadId) {
        jdbc.update("DELETE FROM chunked_upload WHERE upload_id = ?", uploadId);
        return jdbc.queryForList("DELETE FROM chunked_upload_part WHERE upload_id = ? RETURNING blob_key", String.class, uploadId);
    }

    @Override
    public int discardAbandoned(Duration grace) {
        Integer removed = transactions.execute(status -> {
            List<String> ids = jdbc.queryForList("""
                    DELETE FROM chunked_upload WHERE upload_id IN (
                        SELECT upload_id FROM chunked_upload WHERE last_part_at < now() - ?::interval
                        ORDER BY last_part_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
                    RETURNING upload_id""", String.class, grace.toMillis() + " milliseconds");
            if (!ids.isEmpty()) {
                jdbc.update("""
                        WITH parts AS (DELETE FROM chunked_upload_part WHERE upload_id = ANY (?) RETURNING blob_key)
                        INSERT INTO blob_deletion (blob_key) SELECT blob_key FROM parts
                        ON CONFLICT (blob_key) DO UPDATE SET not_before = least(blob_deletion.not_before, now())""",
                        (Object) ids.toArray(String[]::new));
            }
            return ids.size();
        });
        return removed == null ? 0 : removed;
    }
}
