package io.darkroom.domain.optimizer;

import org.axonframework.serialization.Revision;

/** A media source was deleted. */
@Revision("1")
public record MediaSourceDeleted(String cloud, String id, String displayName) implements OptimizerEvent {
}
