package io.darkroom.infrastructure.resource.upload;

import io.darkroom.infrastructure.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Chunked uploads' rows: each part's blob key follows from its row, and the grace sweep spares uploads being assembled. */
class JdbcPartialUploadStoreTest {
    private final JdbcTemplate jdbc = PostgresTestDatabase.jdbc();
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    private final JdbcPartialUploadStore store = new JdbcPartialUploadStore(jdbc, transactions);

    /** An upload of two written parts whose last part came {@code minutesAgo} minutes ago. */
    private String upload(String blobKey, boolean assembling, int minutesAgo) {
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            store.lock(id, "c", blobKey);
            store.reserve(id, 0, 4_999_999, -1);
            store.markWritten(id, 0);
            store.reserve(id, 5_000_000, 5_000_009, 5_000_010);
            store.markWritten(id, 5_000_000);
            if (assembling) {
                store.markAssembling(id);
            }
            jdbc.update("UPDATE chunked_upload SET last_part_at = now() - ? * interval '1 minute' WHERE upload_id = ?", minutesAgo, id);
        });
        return id;
    }

    private boolean exists(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM chunked_upload WHERE upload_id = ?", Integer.class, id) == 1;
    }

    @Test
    void removing_an_upload_answers_the_blob_key_of_each_of_its_parts() {
        String blobKey = "parts/c/" + UUID.randomUUID();
        String id = upload(blobKey, false, 0);

        List<String> keys = transactions.execute(status -> store.remove(id));

        assertThat(keys).containsExactlyInAnyOrder(blobKey + "/0000000000000", blobKey + "/0000005000000");
        assertThat(exists(id)).isFalse();
    }

    @Test
    void an_upload_without_a_part_for_the_grace_is_discarded_and_its_parts_queued_for_removal() {
        String blobKey = "parts/c/" + UUID.randomUUID();
        String id = upload(blobKey, false, 10);

        store.discardAbandoned(Duration.ofMinutes(5));

        assertThat(exists(id)).isFalse();
        assertThat(jdbc.queryForList("SELECT blob_key FROM blob_deletion WHERE blob_key LIKE ?", String.class, blobKey + "/%"))
                .containsExactlyInAnyOrder(blobKey + "/0000000000000", blobKey + "/0000005000000");
    }

    @Test
    void an_upload_its_node_touches_while_assembling_outlives_the_grace_and_one_left_untouched_does_not() {
        String touched = upload("parts/c/" + UUID.randomUUID(), true, 10);
        String deadNode = upload("parts/c/" + UUID.randomUUID(), true, 10);
        transactions.executeWithoutResult(status -> store.touch(touched));

        store.discardAbandoned(Duration.ofMinutes(5));

        assertThat(exists(touched)).isTrue();
        assertThat(exists(deadNode)).isFalse();
    }
}
