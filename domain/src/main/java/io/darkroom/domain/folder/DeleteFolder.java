package io.darkroom.domain.folder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove the folder and its subfolders; the caller has checked that no asset is inside. */
public record DeleteFolder(@TargetAggregateIdentifier String id, String cloud, FolderPath path) {
    public DeleteFolder(String cloud, FolderPath path) {
        this(FolderId.of(cloud, path), cloud, path);
    }
}
