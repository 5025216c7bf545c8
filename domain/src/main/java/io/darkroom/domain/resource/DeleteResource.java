package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Delete a resource. Its public id must be freed in the same transaction. With {@code keepBytes} its versions go to
 * the trash (restorable until purged); without, their bytes are removed at once (a cloud whose trash retention is 0).
 */
public record DeleteResource(@TargetAggregateIdentifier AssetId assetId, CloudName cloud, Instant deletedAt,
                             boolean keepBytes) {
}
