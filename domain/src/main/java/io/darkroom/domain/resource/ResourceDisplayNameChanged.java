package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

/** The resource's display name is now {@code displayName}. */
@Revision("1")
public record ResourceDisplayNameChanged(String assetId, String cloud, String resourceType, String type, String publicId,
                                         String displayName) implements ResourceEvent {
}
