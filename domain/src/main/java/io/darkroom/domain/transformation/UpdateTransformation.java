package io.darkroom.domain.transformation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change {@code allowedForStrict} and/or (named only) the definition; null leaves a part as it is. */
public record UpdateTransformation(@TargetAggregateIdentifier String id, String cloud, Boolean allowedForStrict,
                                   Transformation definition) {
}
