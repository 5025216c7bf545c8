package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

/** The resource's public id changed from {@code fromPublicId} to {@code publicId}; its asset id stays. */
@Revision("1")
public record ResourceRenamed(String assetId, String cloud, String resourceType, String type, String publicId,
                              String fromPublicId) implements ResourceEvent {
}
