package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

/**
 * A derived file was made from the resource's version {@code versionId} with {@code transformation}
 * (canonical) in {@code format}; its bytes are stored under {@code blobKey}.
 */
@Revision("1")
public record ResourceDerived(String assetId, String cloud, String resourceType, String type, String publicId,
                              String derivedId, String versionId, String transformation, String format, long bytes,
                              int width, int height, String blobKey) implements ResourceEvent {
}
