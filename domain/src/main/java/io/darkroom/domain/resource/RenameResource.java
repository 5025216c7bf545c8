package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a resource a new public id, already claimed for it; the asset id and history stay. */
public record RenameResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, PublicId to) {
}
