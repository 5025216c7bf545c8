package io.darkroom.application.resource.restore;

import java.time.Instant;

/** An asset in the trash: the name it had, its version current at deletion, and when it was deleted. */
public record TrashedAsset(String assetId, String cloud, String resourceType, String type, String publicId,
                           String versionId, Instant deletedAt) {
}
