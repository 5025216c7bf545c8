package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Add, remove or replace tags, or remove them all ({@code tags} ignored then). */
public record ChangeTags(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, TagOperation operation,
                         List<String> tags) {
}
