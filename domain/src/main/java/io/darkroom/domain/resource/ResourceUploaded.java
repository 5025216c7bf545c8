package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new resource was uploaded under a public id that was free. {@code version} is the
 * upload time in epoch seconds; {@code versionId} names the stored bytes of this version.
 * {@code moderationKind}/{@code moderationStatus} are null when the resource is not moderated.
 * {@code assetFolder} is the folder the asset was uploaded into (revision 2; revision-1 events are
 * upcast with the folder of their public id, which is what it was then); {@code displayName} is the asset's name for people
 * (revision 3; older events are upcast with the last segment of the public id).
 */
@Revision("3")
public record ResourceUploaded(String assetId, String cloud, String resourceType, String type, String publicId,
                               String versionId, long version, MediaFacts facts,
                               List<String> tags, Map<String, String> context,
                               String moderationKind, String moderationStatus,
                               Instant uploadedAt, String assetFolder, String displayName) implements ResourceEvent {
}
