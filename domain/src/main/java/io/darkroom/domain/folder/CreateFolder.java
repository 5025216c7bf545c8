package io.darkroom.domain.folder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make the folder exist on its own; making an existing one again records nothing. */
public record CreateFolder(@TargetAggregateIdentifier String id, String cloud, FolderPath path) {
    public CreateFolder(String cloud, FolderPath path) {
        this(FolderId.of(cloud, path), cloud, path);
    }
}
