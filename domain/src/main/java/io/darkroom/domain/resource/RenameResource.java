package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.folder.FolderPath;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a resource a new public id, already claimed for it; the asset id and history stay. {@code assetFolder} is its folder
 * afterwards (fixed folder mode: the new public id's path), or null to keep the one it has.
 */
public record RenameResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, PublicId to, FolderPath assetFolder) {
}
