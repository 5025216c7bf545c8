package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a resource and every stored version of it. Its public id must be freed in the same transaction. */
public record DeleteResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud) {
}
