package io.darkroom.domain.folder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Begin moving the folder's assets to {@code to}; refused while another rename of it runs. */
public record StartFolderRename(@TargetAggregateIdentifier String id, String cloud, FolderPath path, FolderPath to) {
    public StartFolderRename(String cloud, FolderPath path, FolderPath to) {
        this(FolderId.of(cloud, path), cloud, path, to);
    }
}
