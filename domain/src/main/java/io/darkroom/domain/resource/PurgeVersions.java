package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Remove the bytes of stored versions for good. {@code versionIds} null means every version of a trashed asset whose
 * retention passed ({@code expired}). Answers each named version's {@link PurgeOutcome}.
 */
public record PurgeVersions(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, List<String> versionIds,
                            boolean expired) {
}
