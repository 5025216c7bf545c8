package io.darkroom.domain.optimizer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a custom mapping function; null leaves a part as it is. */
public record UpdateMappingFunction(@TargetAggregateIdentifier String setupId, String cloud, String id, String displayName, String code) {
}
