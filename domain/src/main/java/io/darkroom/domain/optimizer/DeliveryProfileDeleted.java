package io.darkroom.domain.optimizer;

import org.axonframework.serialization.Revision;

/** A delivery profile was deleted. */
@Revision("1")
public record DeliveryProfileDeleted(String cloud, String id, String displayName) implements OptimizerEvent {
}
