package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a derived file made from the resource's current version (one event per derived id, ever). */
public record RecordDerivedResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, String derivedId,
                                    String versionId, String transformation, String format, long bytes, int width,
                                    int height, String blobKey) {
}
