package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Overwrite an existing resource with a new file. {@code labels} null keeps the resource's
 * tags and context; otherwise they are replaced. Handled, it answers the new version number.
 */
public record UploadNewVersion(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, String versionId,
                               MediaFacts facts, Labels labels, Instant uploadedAt) {
}
