package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Set face and/or custom coordinates; a null list leaves that kind unchanged, an empty one clears it. */
public record SetCoordinates(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, List<Region> faces,
                             List<Region> custom) {
}
