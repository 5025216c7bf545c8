package io.darkroom.domain.transformation;

/** Events of the {@link TransformationDefinition} aggregate. */
public sealed interface TransformationEvent permits TransformationCreated, TransformationUpdated, TransformationDeleted {
    String id();

    String cloud();

    String name();
}
