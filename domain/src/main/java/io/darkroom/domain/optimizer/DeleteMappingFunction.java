package io.darkroom.domain.optimizer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a custom mapping function no delivery profile uses. */
public record DeleteMappingFunction(@TargetAggregateIdentifier String setupId, String cloud, String id) {
}
