package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Derived files of the resource were deleted; {@code blobKeys} are their bytes, to be removed. */
@Revision("1")
public record ResourceDerivedDeleted(String assetId, String cloud, String resourceType, String type, String publicId,
                                     List<String> derivedIds, List<String> blobKeys) implements ResourceEvent {
}
