package io.darkroom.domain.resource;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An existing resource was overwritten by a new upload: new bytes and facts, a higher
 * {@code version}, and the tags and context it now carries (kept from before when the
 * upload named none).
 */
@Revision("1")
public record ResourceVersionUploaded(String assetId, String cloud, String resourceType, String type, String publicId,
                                      String versionId, long version, MediaFacts facts,
                                      List<String> tags, Map<String, String> context,
                                      Instant uploadedAt) implements ResourceEvent {
}
