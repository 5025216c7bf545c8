package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.darkroom.domain.folder.FolderPath;

import java.time.Instant;

/**
 * Create a resource from an uploaded file. The public id must already be claimed for this asset. {@code assetFolder} is
 * where it is filed and {@code displayName} its name for people (in fixed folder mode: the public id's folder and last
 * segment).
 */
public record UploadResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, ResourceType resourceType,
                             DeliveryType type, PublicId publicId, String versionId, MediaFacts facts,
                             Labels labels, Moderation moderation, Instant uploadedAt,
                             FolderPath assetFolder, DisplayName displayName) {
}
