package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored version became the asset's current one again under a new {@code version}: out of the trash
 * ({@code fromTrash}: the asset is back under the public id it had, with the tags, context, moderation, folder,
 * display name and coordinates it had at deletion) or, for a live asset, an older version made current. Carries the
 * whole state a listing shows, so projections need nothing else.
 */
@Revision("1")
public record ResourceRestored(String assetId, String cloud, String resourceType, String type, String publicId,
                               String versionId, long version, MediaFacts facts, List<String> tags,
                               Map<String, String> context, String moderationKind, String moderationStatus,
                               String assetFolder, String displayName, List<List<Integer>> faces,
                               List<List<Integer>> custom, Instant restoredAt, boolean fromTrash) implements ResourceEvent {
}
