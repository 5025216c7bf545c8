package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the resource another display name; its public id stays. The same name records nothing. */
public record ChangeDisplayName(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, DisplayName to) {
}
