package io.darkroom.domain.folder;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cloud's folder path. Folders also come to exist through the assets put in them, without an event of their own, so
 * every command may meet a folder this aggregate has never heard of: each creates the aggregate when missing. The id
 * comes from cloud and path ({@link FolderId}), so two renames of one folder on any node meet here, and the second is
 * refused while the first runs. Whether a folder holds assets is the read model's to say, not this aggregate's.
 */
public class Folder {
    @AggregateIdentifier
    private String id;
    private String path;
    private boolean created;
    private String renamingTo;

    protected Folder() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateFolder command) {
        if (!created) {
            apply(new FolderCreated(command.id(), command.cloud(), command.path().value()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeleteFolder command) {
        requireNoRename();
        apply(new FolderDeleted(command.id(), command.cloud(), command.path().value()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartFolderRename command) {
        requireNoRename();
        apply(new FolderRenameStarted(command.id(), command.cloud(), command.path().value(), command.to().value()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FinishFolderRename command) {
        if (renamingTo != null) {
            apply(new FolderRenamed(command.id(), command.cloud(), command.path().value(), renamingTo));
        }
    }

    private void requireNoRename() {
        if (renamingTo != null) {
            throw new FolderRenameRunningException(path, renamingTo);
        }
    }

    @EventSourcingHandler
    void on(FolderCreated event) {
        adopt(event);
        created = true;
    }

    @EventSourcingHandler
    void on(FolderDeleted event) {
        adopt(event);
        created = false;
    }

    @EventSourcingHandler
    void on(FolderRenameStarted event) {
        adopt(event);
        renamingTo = event.to();
    }

    @EventSourcingHandler
    void on(FolderRenamed event) {
        adopt(event);
        renamingTo = null;
        created = false;
    }

    private void adopt(FolderEvent event) {
        id = event.id();
        path = event.path();
    }
}
