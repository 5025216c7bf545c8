package io.darkroom.domain.optimizer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a delivery profile. */
public record DeleteDeliveryProfile(@TargetAggregateIdentifier String setupId, String cloud, String id) {
}
