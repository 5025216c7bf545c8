package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The resource was deleted and its public id freed. {@code versionIds} name every version whose bytes were still
 * stored. With {@code trashed} those bytes stay in the trash (restorable) until a {@link ResourceVersionsPurged}
 * removes them; without it they go at once, as every deletion did before revision 2 (revision-1 events are upcast
 * with {@code trashed} false and no {@code deletedAt}).
 */
@Revision("2")
public record ResourceDeleted(String assetId, String cloud, String resourceType, String type, String publicId,
                              List<String> versionIds, boolean trashed, Instant deletedAt) implements ResourceEvent {
}
