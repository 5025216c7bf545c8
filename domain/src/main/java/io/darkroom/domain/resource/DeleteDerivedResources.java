package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Delete these derived files of the resource (ids it does not have are ignored); answers the ids deleted. */
public record DeleteDerivedResources(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, List<String> derivedIds) {
}
