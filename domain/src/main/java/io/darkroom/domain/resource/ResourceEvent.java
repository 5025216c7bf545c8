package io.darkroom.domain.resource;

/**
 * Everything that happens to a Resource. Every event names the resource fully (cloud, types,
 * current public id) so that projections need no other state. Events are a stored format:
 * change only with an upcaster.
 */
public sealed interface ResourceEvent permits ResourceUploaded, ResourceVersionUploaded, ResourceTagsChanged,
        ResourceContextChanged, ResourceCoordinatesChanged, ResourceModerated, ResourceRenamed, ResourceDeleted, ResourceDerived,
        ResourceDerivedDeleted, ResourceMoved, ResourceDisplayNameChanged, ResourceRestored, ResourceVersionsPurged {
    String assetId();

    String cloud();

    String resourceType();

    String type();

    String publicId();
}
