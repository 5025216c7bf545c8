package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

/** The resource's asset folder changed from {@code fromAssetFolder} to {@code assetFolder}; its public id stays. */
@Revision("1")
public record ResourceMoved(String assetId, String cloud, String resourceType, String type, String publicId,
                            String assetFolder, String fromAssetFolder) implements ResourceEvent {
}
