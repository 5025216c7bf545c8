package io.darkroom.domain.optimizer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drop every derived version of a media key. */
public record InvalidateOptimizedMedia(@TargetAggregateIdentifier String mediaId, String cloud, String mediaKey) {
}
