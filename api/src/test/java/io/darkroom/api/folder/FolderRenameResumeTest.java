package io.darkroom.api.folder;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import io.darkroom.api.DarkroomIntegrationTest;
import io.darkroom.api.TestImages;
import io.darkroom.application.folder.Folders;
import io.darkroom.domain.folder.FolderPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rename held by a node that dies midway (its lease runs out after it moved some of the assets) is taken over by another
 * node's mover, which moves the rest and finishes the rename.
 */
class FolderRenameResumeTest extends DarkroomIntegrationTest {
    @Autowired
    Folders folders;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_rename_whose_node_died_midway_is_finished_by_another() throws Exception {
        Cloudinary cloudinary = new Cloudinary("cloudinary://folder-key:folder-secret@folder-cloud?upload_prefix=http://localhost:" + port);
        List<String> publicIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            publicIds.add(cloudinary.uploader().upload(TestImages.png(4, 4, 3000 + i), ObjectUtils.asMap("asset_folder", "resume/src"))
                    .get("public_id").toString());
        }
        // the "dead node": it holds the rename's lease for two seconds and moved five assets before it died
        int held = 0;
        for (int attempt = 0; attempt < 5 && held == 0; attempt++) {
            folders.startRename("folder-cloud", FolderPath.of("resume/src"), FolderPath.of("resume/dst" + attempt),
                    Map.of("actor", "folder-key"));
            held = jdbc.update("""
                    UPDATE folder_move SET lease_token = 'dead-node', leased_until = now() + interval '2 seconds'
                    WHERE cloud = 'folder-cloud' AND from_path = 'resume/src' AND lease_token IS NULL""");
            if (held == 0) {
                waitUntilNoRenames(); // this node's mover was quicker: try again with the folder back where it was
                cloudinary.api().renameFolder("resume/dst" + attempt, "resume/src", ObjectUtils.emptyMap());
                waitUntilNoRenames();
            }
        }
        assertThat(held).as("the dead node holds the rename").isEqualTo(1);
        String target = jdbc.queryForObject("SELECT to_path FROM folder_move WHERE lease_token = 'dead-node'", String.class);
        for (String publicId : publicIds.subList(0, 5)) {
            cloudinary.api().update(publicId, ObjectUtils.asMap("asset_folder", target));
        }
        Thread.sleep(500);
        assertThat(count("resume/src")).as("nothing moves while the dead node's lease holds").isEqualTo(15);

        waitUntilNoRenames();
        assertThat(count("resume/src")).isZero();
        assertThat(count(target)).isEqualTo(20);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_entry WHERE cloud = 'folder-cloud' AND event_type = 'FolderRenamed'
                  AND public_id = 'resume/src' AND changes ->> 'to_folder' = ?""", Long.class, target)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM folder WHERE cloud = 'folder-cloud' AND path = 'resume/src'",
                Long.class)).isZero();
    }

    private long count(String folder) {
        return jdbc.queryForObject("SELECT count(*) FROM resource_listing WHERE cloud = 'folder-cloud' AND asset_folder = ?",
                Long.class, folder);
    }

    private void waitUntilNoRenames() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject("SELECT count(*) FROM folder_move WHERE cloud = 'folder-cloud'", Long.class) > 0) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
