package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Make stored version {@code versionId} (whose facts are {@code facts}) the asset's current one, bringing the asset
 * back from the trash if it is there. A trashed asset deleted before {@code keptSince} (now minus the cloud's trash
 * retention) is past restoring. A trashed asset's public id must be claimed again in the same transaction. Answers
 * the new version, or null when {@code versionId} is already the current version of a live asset (nothing to do).
 */
public record RestoreResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, String versionId,
                              MediaFacts facts, Instant restoredAt, Instant keptSince) {
}
