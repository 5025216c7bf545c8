package io.darkroom.api.folder;

import io.darkroom.api.config.DarkroomProperties;
import io.darkroom.application.cloud.FolderMode;
import io.darkroom.application.cloud.FolderModes;
import io.darkroom.application.folder.FolderMover;
import io.darkroom.application.folder.FolderProjection;
import io.darkroom.application.folder.Folders;
import io.darkroom.application.support.Commands;
import io.darkroom.infrastructure.folder.JdbcFolderCatalog;
import io.darkroom.infrastructure.folder.JdbcFolderMoveQueue;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Folders: each cloud's folder mode ({@code DARKROOM_CLOUDS_N_FOLDER_MODE}, dynamic unless set to fixed), the folder read
 * model and its projection, the Folders API's changes, and the mover that carries out renames on any node.
 */
@Configuration(proxyBeanMethods = false)
public class FolderConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(FolderConfiguration.class);

    @Bean
    FolderModes folderModes(DarkroomProperties properties) {
        Map<String, FolderMode> modes = new HashMap<>();
        if (properties.clouds() != null) {
            for (DarkroomProperties.CloudEntry entry : properties.clouds()) {
                if (entry != null && entry.url() != null && entry.folderMode() != null && !entry.folderMode().isBlank()) {
                    modes.put(entry.cloudName(), FolderMode.fromSetting(entry.folderMode()));
                }
            }
        }
        return new FolderModes(modes);
    }

    @Bean
    JdbcFolderCatalog folderCatalog(JdbcTemplate jdbc, java.time.Clock clock) {
        return new JdbcFolderCatalog(jdbc, clock);
    }

    @Bean
    FolderProjection folderProjection(JdbcFolderCatalog catalog) {
        return new FolderProjection(catalog);
    }

    @Bean
    JdbcFolderMoveQueue folderMoveQueue(JdbcTemplate jdbc) {
        return new JdbcFolderMoveQueue(jdbc);
    }

    @Bean
    Folders folders(Commands commands, JdbcFolderCatalog catalog, JdbcFolderMoveQueue moves, FolderModes modes,
                    io.darkroom.application.support.CursorCodec cursors) {
        return new Folders(commands, catalog, moves, modes, cursors);
    }

    @Bean
    FolderMover folderMover(JdbcFolderMoveQueue moves, JdbcFolderCatalog catalog, Commands commands,
                            TransactionManager transactions, @Value("${darkroom.folder-move-batch:100}") int batchSize,
                            @Value("${darkroom.folder-move-lease:30s}") Duration lease) {
        return new FolderMover(moves, catalog, commands, transactions, batchSize, lease);
    }

    @Bean
    FolderMoveSchedule folderMoveSchedule(FolderMover mover) {
        return new FolderMoveSchedule(mover);
    }

    /** Carries out waiting folder renames, one after another, on every node (a claim never overlaps another). */
    static class FolderMoveSchedule {
        private final FolderMover mover;

        FolderMoveSchedule(FolderMover mover) {
            this.mover = mover;
        }

        @Scheduled(fixedDelayString = "${darkroom.folder-move-interval:500ms}")
        void drain() {
            try {
                while (mover.runOne()) {
                    LOG.debug("Finished a folder rename");
                }
            } catch (RuntimeException e) {
                LOG.warn("Folder renames paused; trying again on the next run: {}", e.getMessage());
            }
        }
    }
}
