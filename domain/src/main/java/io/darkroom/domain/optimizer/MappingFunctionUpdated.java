package io.darkroom.domain.optimizer;

import org.axonframework.serialization.Revision;

/** A custom mapping function changed: its whole state after the change. */
@Revision("1")
public record MappingFunctionUpdated(String cloud, String id, String displayName, String code) implements OptimizerEvent {
}
