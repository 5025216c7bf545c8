package io.darkroom.application.folder;

import io.darkroom.domain.folder.FolderCreated;
import io.darkroom.domain.folder.FolderDeleted;
import io.darkroom.domain.folder.FolderRenameStarted;
import io.darkroom.domain.folder.FolderRenamed;
import io.darkroom.domain.resource.ResourceMoved;
import io.darkroom.domain.resource.ResourceRenamed;
import io.darkroom.domain.resource.ResourceUploaded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

import java.util.List;

/**
 * Keeps the folder read model: a folder exists once it was created on its own or an asset was filed in it (its parents
 * with it), until it is deleted; a finished rename carries it and its subfolders to the new path. Runs in the transaction
 * of the command that produced the event, and in replays.
 */
@ProcessingGroup(FolderProjection.PROCESSING_GROUP)
public class FolderProjection {
    public static final String PROCESSING_GROUP = "folders";

    private final FolderCatalog catalog;

    public FolderProjection(FolderCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(FolderCreated event, @Timestamp Instant at) {
        catalog.ensure(event.cloud(), List.of(event.path()), at);
    }

    @EventHandler
    void on(FolderDeleted event, @Timestamp Instant at) {
        catalog.delete(event.cloud(), event.path());
    }

    /** The target shows at once, so that a rename's progress can be read in both folders while it runs. */
    @EventHandler
    void on(FolderRenameStarted event, @Timestamp Instant at) {
        catalog.ensure(event.cloud(), List.of(event.to()), at);
    }

    @EventHandler
    void on(FolderRenamed event, @Timestamp Instant at) {
        catalog.rename(event.cloud(), event.path(), event.to(), at);
    }

    @EventHandler
    void on(ResourceUploaded event, @Timestamp Instant at) {
        filed(event.cloud(), event.assetFolder(), at);
    }

    /** An asset back from the trash is filed again in its folder, which may have been deleted meanwhile. */
    @EventHandler
    void on(io.darkroom.domain.resource.ResourceRestored event, @Timestamp Instant at) {
        if (event.fromTrash()) {
            filed(event.cloud(), event.assetFolder(), at);
        }
    }

    @EventHandler
    void on(ResourceMoved event, @Timestamp Instant at) {
        filed(event.cloud(), event.assetFolder(), at);
    }

    @EventHandler
    void on(ResourceRenamed event, @Timestamp Instant at) {
        filed(event.cloud(), event.assetFolder(), at);
    }

    private void filed(String cloud, String folder, Instant at) {
        if (folder != null && !folder.isEmpty()) {
            catalog.ensure(cloud, List.of(folder), at);
        }
    }

    @ResetHandler
    void reset() {
        catalog.clear();
    }
}
