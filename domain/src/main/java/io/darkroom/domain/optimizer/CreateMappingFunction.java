package io.darkroom.domain.optimizer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a custom mapping function (its code compiled already). */
public record CreateMappingFunction(@TargetAggregateIdentifier String setupId, String cloud, String id, String displayName, String code) {
}
