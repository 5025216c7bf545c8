package io.darkroom.domain.optimizer;

import org.axonframework.serialization.Revision;

/** A custom mapping function was created. */
@Revision("1")
public record MappingFunctionCreated(String cloud, String id, String displayName, String code) implements OptimizerEvent {
}
