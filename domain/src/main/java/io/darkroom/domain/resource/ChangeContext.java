package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Replace, merge into or clear a resource's context ({@code context} ignored for REMOVE_ALL). */
public record ChangeContext(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, ContextOperation operation,
                            Map<String, String> context) {
}
