package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve or reject a resource; one that was never moderated enters the manual queue with that status. */
public record Moderate(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, String status) {
}
