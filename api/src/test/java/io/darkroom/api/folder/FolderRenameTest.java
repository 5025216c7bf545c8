package io.darkroom.api.folder;

import com.cloudinary.Cloudinary;
import com.cloudinary.Search;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder rename through the official Java SDK moves every asset inside, each as an event of its own with the caller as
 * actor, while uploads go on (into the folder being renamed too): none lost, none of the folder's assets left behind.
 */
class FolderRenameTest extends DarkroomIntegrationTest {
    private static final int ASSETS = 500;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void renaming_a_folder_of_500_assets_moves_them_all_while_uploads_continue() throws Exception {
        Cloudinary cloudinary = new Cloudinary("cloudinary://folder-key:folder-secret@folder-cloud?upload_prefix=http://localhost:" + port);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> seeded = new ArrayList<>();
        for (int i = 0; i < ASSETS; i++) {
            String folder = i % 5 == 0 ? "bulk/inner" : "bulk";
            int n = i;
            seeded.add(pool.submit(() -> upload(cloudinary, folder, n)));
        }
        Set<String> originals = new HashSet<>();
        for (Future<String> future : seeded) {
            originals.add(future.get());
        }

        Map<?, ?> answer = cloudinary.api().renameFolder("bulk", "moved/bulk", ObjectUtils.emptyMap());
        assertThat(answer.get("to")).isEqualTo(Map.of("name", "bulk", "path", "moved/bulk"));
        List<Future<String>> during = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = ASSETS + i;
            during.add(pool.submit(() -> upload(cloudinary, n % 2 == 0 ? "bulk" : "elsewhere", n)));
        }
        Set<String> concurrent = new HashSet<>();
        for (Future<String> future : during) {
            concurrent.add(future.get());
        }
        pool.shutdown();
        waitForRenames();

        Set<String> moved = assetsIn(cloudinary, "asset_folder:moved/bulk/*");
        assertThat(moved).containsAll(originals);
        assertThat(assetsIn(cloudinary, "asset_folder=moved/bulk/inner")).hasSize(ASSETS / 5);
        Set<String> everywhere = assetsIn(cloudinary, "asset_folder:moved/bulk/* OR asset_folder:bulk/* OR asset_folder=elsewhere");
        assertThat(everywhere).containsAll(originals).containsAll(concurrent).hasSize(ASSETS + 40);
        assertThat(cloudinary.api().subFolders("moved/bulk", ObjectUtils.emptyMap()).get("total_count")).isEqualTo(1);
        Long movedEvents = jdbc.queryForObject("""
                SELECT count(DISTINCT asset_id) FROM audit_entry
                WHERE cloud = 'folder-cloud' AND event_type = 'ResourceMoved' AND actor = 'folder-key'
                  AND changes ->> 'from_asset_folder' IN ('bulk', 'bulk/inner')
                  AND changes ->> 'to_asset_folder' IN ('moved/bulk', 'moved/bulk/inner')""", Long.class);
        assertThat(movedEvents).isGreaterThanOrEqualTo(ASSETS);
        String sample = originals.iterator().next();
        assertThat(get("/v1_1/folder-cloud/resources/by_asset_id/" + sample + "/history", "folder-key", "folder-secret").body())
                .contains("\"event\":\"ResourceMoved\"").contains("\"actor\":\"folder-key\"");
    }

    private static String upload(Cloudinary cloudinary, String folder, int n) throws Exception {
        return cloudinary.uploader().upload(TestImages.png(4, 4, 1000 + n), ObjectUtils.asMap("asset_folder", folder))
                .get("asset_id").toString();
    }

    private void waitForRenames() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.queryForObject("SELECT count(*) FROM folder_move", Long.class) > 0) {
            assertThat(Instant.now()).as("renames finish within a minute").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static Set<String> assetsIn(Cloudinary cloudinary, String expression) throws Exception {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            Search search = cloudinary.search().expression(expression).maxResults(500);
            Map<?, ?> page = (cursor == null ? search : search.nextCursor(cursor)).execute();
            for (Object resource : (List<?>) page.get("resources")) {
                assertThat(ids.add(((Map<?, ?>) resource).get("asset_id").toString())).as("no duplicates").isTrue();
            }
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return ids;
    }
}
