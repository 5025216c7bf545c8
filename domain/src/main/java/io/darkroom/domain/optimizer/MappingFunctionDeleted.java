package io.darkroom.domain.optimizer;

import org.axonframework.serialization.Revision;

/** A custom mapping function was deleted. */
@Revision("1")
public record MappingFunctionDeleted(String cloud, String id, String displayName) implements OptimizerEvent {
}
