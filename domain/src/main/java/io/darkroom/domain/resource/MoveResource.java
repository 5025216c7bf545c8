package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.folder.FolderPath;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** File the resource in another asset folder; its public id stays. Moving it where it is records nothing. */
public record MoveResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, FolderPath to) {
}
