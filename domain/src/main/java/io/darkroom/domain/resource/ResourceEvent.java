package io.darkroom.domain.resource;

/** Everything that happens to a Resource. Events are a stored format: change only with an upcaster. */
public sealed interface ResourceEvent permits ResourceUploaded, ResourceVersionUploaded {
    String assetId();

    String cloud();
}
