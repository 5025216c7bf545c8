package io.darkroom.domain.transformation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an unnamed transformation on its first use; nothing happens when it is known already. */
public record RegisterTransformation(@TargetAggregateIdentifier String id, String cloud, Transformation definition) {
}
