package io.darkroom.domain.transformation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteTransformation(@TargetAggregateIdentifier String id, String cloud) {
}
