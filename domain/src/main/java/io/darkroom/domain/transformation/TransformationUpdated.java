package io.darkroom.domain.transformation;

import org.axonframework.serialization.Revision;

/** A transformation's strict-mode permission or (named ones, {@code unsafe_update}) definition changed. */
@Revision("1")
public record TransformationUpdated(String id, String cloud, String name, String definition, boolean allowedForStrict)
        implements TransformationEvent {
}
