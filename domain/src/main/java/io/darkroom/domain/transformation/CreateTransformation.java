package io.darkroom.domain.transformation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a transformation under {@code name}; the id is {@link TransformationId#of} the cloud and name. */
public record CreateTransformation(@TargetAggregateIdentifier String id, String cloud, String name, boolean named,
                                   Transformation definition, boolean allowedForStrict) {
}
