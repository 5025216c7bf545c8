package io.darkroom.domain.transformation;

import org.axonframework.serialization.Revision;

/** The transformation was deleted; its name is free again. */
@Revision("1")
public record TransformationDeleted(String id, String cloud, String name) implements TransformationEvent {
}
