package io.darkroom.domain.optimizer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a media source no delivery profile uses. */
public record DeleteMediaSource(@TargetAggregateIdentifier String setupId, String cloud, String id) {
}
