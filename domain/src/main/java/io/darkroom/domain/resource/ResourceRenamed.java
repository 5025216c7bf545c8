package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

/**
 * The resource's public id changed from {@code fromPublicId} to {@code publicId}; its asset id stays. {@code assetFolder}
 * is its folder afterwards (revision 2): in fixed folder mode the new public id's path, in dynamic mode unchanged. A
 * revision-1 event is upcast with its public id's folder, which is what a rename did then.
 */
@Revision("2")
public record ResourceRenamed(String assetId, String cloud, String resourceType, String type, String publicId,
                              String fromPublicId, String assetFolder) implements ResourceEvent {
}
