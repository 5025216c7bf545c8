package io.darkroom.domain.folder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every asset has moved: the rename is complete. Finishing a rename that is not running records nothing. */
public record FinishFolderRename(@TargetAggregateIdentifier String id, String cloud, FolderPath path) {
    public FinishFolderRename(String cloud, FolderPath path) {
        this(FolderId.of(cloud, path), cloud, path);
    }
}
